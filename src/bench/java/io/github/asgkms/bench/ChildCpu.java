package io.github.asgkms.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time, user plus system, of the child processes this JVM has waited for, from Linux's
 * {@code /proc/self/stat}. Another build on the same machine stretches a run's wall time far
 * more than its CPU time, so the harness reports both. Elsewhere it is unavailable.
 */
final class ChildCpu {
  /** /proc counts in USER_HZ ticks, which Linux fixes at 100 a second on mainstream CPUs. */
  private static final double SECONDS_PER_TICK = 0.01;
  private static final Path STAT = Path.of("/proc/self/stat");

  private ChildCpu() {}

  static boolean isAvailable() {
    return Files.isReadable(STAT);
  }

  /** Seconds so far; NaN where /proc is missing. */
  static double seconds() {
    if (!isAvailable()) {
      return Double.NaN;
    }
    try {
      String stat = Files.readString(STAT);
      // Fields after the command name, which is in parentheses and may contain spaces:
      // field 3 (state) is at index 0, so cutime (16) and cstime (17) are at 13 and 14.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
      return ticks * SECONDS_PER_TICK;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }
}

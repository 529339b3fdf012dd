package io.github.asgkms.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the figures were measured on, printed with them. */
final class Machine {
  private Machine() {}

  static void print(PrintStream out, String mvn) {
    out.println("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
        + cpuModel() + ", " + System.getProperty("os.name") + " "
        + System.getProperty("os.arch"));
    out.println("Java: " + System.getProperty("java.vm.name") + " "
        + System.getProperty("java.runtime.version"));
    out.println("Maven: " + firstLine(mvn, "-v"));
  }

  private static String cpuModel() {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
      return lines.stream().filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).strip())
          .findFirst().orElse("unknown CPU");
    } catch (IOException e) {
      return "unknown CPU";
    }
  }

  /** The first line a command prints, without terminal colour codes. */
  private static String firstLine(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());
      process.waitFor();
      return output.lines().findFirst().orElse("").replaceAll("\u001B\\[[0-9;]*m", "");
    } catch (IOException e) {
      return "not found";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "not found";
    }
  }
}

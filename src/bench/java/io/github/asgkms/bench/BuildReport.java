package io.github.asgkms.bench;

import java.io.PrintStream;
import java.util.List;

/** The whole-build table: medians with their quartiles, and the ratios that are the result. */
final class BuildReport {
  private BuildReport() {}

  static void print(List<BuildComparison.Case> cases, PrintStream out) {
    out.println();
    out.println("Whole build, mvn -o -q generate-sources: median seconds [quartiles]");
    out.printf("%-17s %-5s %-24s %-24s %s%n", "case", "", "without plugin", "with plugin",
        "with/without");
    for (BuildComparison.Case c : cases) {
      out.printf("%-17s %-5s %-24s %-24s %.3f%n", c.name(), "wall", cell(c.withoutWall()),
          cell(c.withWall()), c.wallRatio());
      if (ChildCpu.isAvailable()) {
        out.printf("%-17s %-5s %-24s %-24s %.3f%n", "", "cpu", cell(c.withoutCpu()),
            cell(c.withCpu()), c.cpuRatio());
      }
    }
  }

  private static String cell(List<Double> values) {
    return String.format("%.3f [%.3f-%.3f]", Stats.median(values), Stats.quantile(values, 0.25),
        Stats.quantile(values, 0.75));
  }
}

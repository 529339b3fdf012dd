package io.github.asgkms.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * The whole-build table: for each case and way of building, the median seconds with their
 * quartiles, and the ratio to the build without the plugin, which is the result.
 */
final class BuildReport {
  private BuildReport() {}

  static void print(List<BuildComparison.Case> cases, PrintStream out) {
    out.println();
    out.println("Whole build, mvn -o -q generate-sources: median seconds [quartiles],"
        + " and the ratio to the build without the plugin");
    out.printf("%-16s %-50s %-26s %-26s%n", "case", "", "wall", "cpu");
    for (BuildComparison.Case c : cases) {
      String name = c.name();
      for (Map.Entry<String, BuildComparison.Samples> variant : c.samples().entrySet()) {
        BuildComparison.Samples samples = variant.getValue();
        out.printf("%-16s %-50s %-26s %-26s%n", name, variant.getKey(),
            cell(samples.wall(), c.wallRatio(variant.getKey())),
            ChildCpu.isAvailable() ? cell(samples.cpu(), c.cpuRatio(variant.getKey())) : "-");
        name = "";
      }
    }
  }

  private static String cell(List<Double> values, double ratio) {
    return String.format("%.3f [%.3f-%.3f] %.3f", Stats.median(values),
        Stats.quantile(values, 0.25), Stats.quantile(values, 0.75), ratio);
  }
}

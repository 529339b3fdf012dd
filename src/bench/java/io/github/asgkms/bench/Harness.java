package io.github.asgkms.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The benchmark harness behind {@code src/bench/run}: the in-process benchmark, then the whole
 * build side by side, then each figure against its target. It prints figures and fails on
 * nothing but a broken build: a machine's speed is no test.
 *
 * <p>Arguments: {@code jmh}, {@code builds} or {@code startup} to run only that part, and
 * {@code --runs=N} for the number of runs of each kind in each case (default 15).
 */
public final class Harness {
  static final double MAX_10000_KEYS_MILLIS = 1000;
  static final double MAX_GROWTH_1000_TO_10000 = 12;
  static final double MAX_COLD_RATIO = 1.10;
  static final double MAX_UP_TO_DATE_RATIO = 1.03;
  private static final List<String> PARTS = List.of("jmh", "builds", "startup");

  private Harness() {}

  public static void main(String[] args) throws Exception {
    Set<String> parts = new LinkedHashSet<>();
    int runs = 15;
    for (String arg : args) {
      if (PARTS.contains(arg)) {
        parts.add(arg);
      } else if (arg.startsWith("--runs=")) {
        runs = Integer.parseInt(arg.substring("--runs=".length()));
      } else {
        throw new IllegalArgumentException("unknown argument " + arg
            + "; expected jmh, builds, startup or --runs=N");
      }
    }
    if (parts.isEmpty()) {
      parts.addAll(PARTS);
    }
    boolean jmh = parts.contains("jmh");
    boolean builds = parts.contains("builds");
    PrintStream out = System.out;
    Properties properties = properties();
    List<String> targets = new ArrayList<>();
    String floor = null;
    if (jmh) {
      Map<String, Map<Integer, InProcess.Score>> scores = InProcess.run();
      InProcess.print(scores, out);
      targets.addAll(inProcessTargets(scores.getOrDefault(InProcess.PIPELINE, Map.of())));
    }
    if (builds) {
      List<BuildComparison.Case> cases = compareBuilds(properties, runs, out);
      double cold = cases.get(0).wallRatio(BuildComparison.WITH);
      double upToDate = cases.get(1).wallRatio(BuildComparison.WITH);
      targets.add(target("cold generation adds at most 10%", cold <= MAX_COLD_RATIO,
          String.format("with/without %.3f", cold)));
      targets.add(target("an up-to-date run adds at most 3%", upToDate <= MAX_UP_TO_DATE_RATIO,
          String.format("with/without %.3f", upToDate)));
      BuildComparison.Case upToDateCase = cases.get(1);
      floor = String.format("Loading a plugin that does nothing: maven-clean-plugin, skipped, adds"
          + " %.1f%% wall and %.1f%% CPU; this plugin up to date, %.1f%% and %.1f%%.",
          percent(upToDateCase.wallRatio(BuildComparison.REFERENCE)),
          percent(upToDateCase.cpuRatio(BuildComparison.REFERENCE)),
          percent(upToDateCase.wallRatio(BuildComparison.WITH)),
          percent(upToDateCase.cpuRatio(BuildComparison.WITH)));
    }
    if (parts.contains("startup")) {
      StartUpComparison.run(Path.of(properties.getProperty("pluginJar")),
          Path.of(properties.getProperty("exampleSpec")), runs, out);
    }
    out.println();
    Machine.print(out, BuildComparison.MVN);
    out.println("Targets:");
    targets.forEach(line -> out.println("  " + line));
    if (floor != null) {
      out.println(floor);
    }
  }

  private static double percent(double ratio) {
    return (ratio - 1) * 100;
  }

  private static List<String> inProcessTargets(Map<Integer, InProcess.Score> pipeline) {
    InProcess.Score thousand = pipeline.get(1000);
    InProcess.Score tenThousand = pipeline.get(10000);
    if (thousand == null || tenThousand == null) {
      return List.of();
    }
    double growth = tenThousand.millis() / thousand.millis();
    return List.of(
        target("10,000 keys in at most 1 s", tenThousand.millis() <= MAX_10000_KEYS_MILLIS,
            String.format("%.0f ms", tenThousand.millis())),
        target("10,000 keys at most 12 times 1,000 keys", growth <= MAX_GROWTH_1000_TO_10000,
            String.format("%.2f times", growth)));
  }

  private static List<BuildComparison.Case> compareBuilds(Properties properties, int runs,
      PrintStream out) throws IOException, InterruptedException {
    Path root = Files.createTempDirectory("asg-kms-build-bench");
    try {
      ThrowawayProjects projects = ThrowawayProjects.create(root,
          Path.of(properties.getProperty("exampleSpec")),
          properties.getProperty("pluginVersion"),
          Path.of(properties.getProperty("localRepository")));
      BuildComparison comparison = new BuildComparison(projects,
          Path.of(properties.getProperty("benchRepository")), root.resolve("build.log"));
      out.println();
      out.println("Whole build: preparing the two projects in " + root);
      comparison.prepare();
      List<BuildComparison.Case> cases = new ArrayList<>();
      out.println("Whole build: cold generation, " + runs + " runs of each, interleaved");
      cases.add(comparison.cold(runs));
      out.println("Whole build: up to date, " + runs + " runs of each, interleaved");
      cases.add(comparison.upToDate(runs));
      BuildReport.print(cases, out);
      return cases;
    } finally {
      BuildComparison.deleteRecursively(root);
    }
  }

  private static String target(String what, boolean met, String figure) {
    return String.format("%-42s %-18s %s", what, figure, met ? "met" : "NOT MET");
  }

  /** Paths and versions from the build, written by the bench profile. */
  private static Properties properties() throws IOException {
    Properties properties = new Properties();
    try (InputStream in = Harness.class.getResourceAsStream("/bench.properties")) {
      if (in == null) {
        throw new IllegalStateException("bench.properties is missing: run src/bench/run");
      }
      properties.load(in);
    }
    return properties;
  }
}

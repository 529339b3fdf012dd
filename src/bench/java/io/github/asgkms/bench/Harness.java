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
 * <p>Arguments: {@code jmh}, {@code builds} or {@code startup} to run only that part,
 * {@code --runs=N} for the number of runs of each kind in each case (default 15), and
 * {@code --keys=N} for whole builds and fresh JVMs of a synthetic spec of N keys rather than
 * the bundled example's.
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
    int keys = 0;
    for (String arg : args) {
      if (PARTS.contains(arg)) {
        parts.add(arg);
      } else if (arg.startsWith("--runs=")) {
        runs = Integer.parseInt(arg.substring("--runs=".length()));
      } else if (arg.startsWith("--keys=")) {
        keys = Integer.parseInt(arg.substring("--keys=".length()));
      } else {
        throw new IllegalArgumentException("unknown argument " + arg
            + "; expected jmh, builds, startup, --runs=N or --keys=N");
      }
    }
    if (parts.isEmpty()) {
      parts.addAll(PARTS);
    }
    boolean jmh = parts.contains("jmh");
    boolean builds = parts.contains("builds");
    PrintStream out = System.out;
    Properties properties = properties();
    Path spec = keys > 0 ? syntheticSpec(keys) : Path.of(properties.getProperty("exampleSpec"));
    List<String> targets = new ArrayList<>();
    String floor = null;
    if (jmh) {
      Map<String, Map<Integer, InProcess.Score>> scores = InProcess.run();
      InProcess.print(scores, out);
      targets.addAll(inProcessTargets("", scores.getOrDefault(InProcess.PIPELINE, Map.of())));
      targets.addAll(inProcessTargets(" without the access check",
          scores.getOrDefault(InProcess.WITHOUT_ACCESS, Map.of())));
    }
    if (builds) {
      List<BuildComparison.Case> cases = compareBuilds(properties, spec, runs, out);
      BuildComparison.Case coldCase = cases.get(0);
      BuildComparison.Case upToDateCase = cases.get(1);
      double cold = coldCase.wallRatio(BuildComparison.WITH, BuildComparison.LIBRARIES);
      double upToDate = upToDateCase.wallRatio(BuildComparison.WITH, BuildComparison.SKIPPED);
      targets.add(target("cold generation at most 10% over the reference plugin",
          cold <= MAX_COLD_RATIO, String.format("%.3f (paired %.3f)", cold,
              coldCase.pairedWallRatio(BuildComparison.WITH, BuildComparison.LIBRARIES))));
      targets.add(target("up to date at most 3% over this plugin skipped",
          upToDate <= MAX_UP_TO_DATE_RATIO, String.format("%.3f (paired %.3f)", upToDate,
              upToDateCase.pairedWallRatio(BuildComparison.WITH, BuildComparison.SKIPPED))));
      floor = String.format("Loading a plugin that does nothing: maven-clean-plugin, skipped, adds"
          + " %.1f%% wall and %.1f%% CPU; this plugin up to date, %.1f%% and %.1f%%.",
          percent(upToDateCase.wallRatio(BuildComparison.CLEAN_SKIPPED)),
          percent(upToDateCase.cpuRatio(BuildComparison.CLEAN_SKIPPED)),
          percent(upToDateCase.wallRatio(BuildComparison.WITH)),
          percent(upToDateCase.cpuRatio(BuildComparison.WITH)));
    }
    if (parts.contains("startup")) {
      StartUpComparison.run(Path.of(properties.getProperty("pluginJar")), spec, runs, out);
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

  private static List<String> inProcessTargets(String which,
      Map<Integer, InProcess.Score> pipeline) {
    InProcess.Score thousand = pipeline.get(1000);
    InProcess.Score tenThousand = pipeline.get(10000);
    if (thousand == null || tenThousand == null) {
      return List.of();
    }
    double growth = tenThousand.millis() / thousand.millis();
    return List.of(
        target("10,000 keys in at most 1 s" + which, tenThousand.millis() <= MAX_10000_KEYS_MILLIS,
            String.format("%.0f ms", tenThousand.millis())),
        target("10,000 keys at most 12 times 1,000 keys" + which, growth <= MAX_GROWTH_1000_TO_10000,
            String.format("%.2f times", growth)));
  }

  private static List<BuildComparison.Case> compareBuilds(Properties properties, Path spec,
      int runs, PrintStream out) throws IOException, InterruptedException {
    Path root = Files.createTempDirectory("asg-kms-build-bench");
    try {
      ThrowawayProjects projects = ThrowawayProjects.create(root, spec,
          properties.getProperty("pluginVersion"),
          Path.of(properties.getProperty("localRepository")));
      Path repository = Path.of(properties.getProperty("benchRepository"));
      ReferencePlugin.install(Path.of(properties.getProperty("pluginJar")), repository);
      BuildComparison comparison = new BuildComparison(projects, repository,
          root.resolve("build.log"));
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

  /** A synthetic spec of {@code keys} keys, in a temporary file removed when the JVM ends. */
  private static Path syntheticSpec(int keys) throws IOException {
    Path folder = Files.createTempDirectory("asg-kms-bench-spec");
    Path spec = Files.writeString(folder.resolve("asg-kms.yaml"), SyntheticSpec.text(keys));
    spec.toFile().deleteOnExit();
    folder.toFile().deleteOnExit();
    return spec;
  }

  private static String target(String what, boolean met, String figure) {
    return String.format("%-56s %-24s %s", what, figure, met ? "met" : "NOT MET");
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

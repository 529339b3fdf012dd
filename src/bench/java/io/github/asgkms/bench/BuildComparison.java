package io.github.asgkms.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code mvn -o -q generate-sources} of the same small project with the plugin and without it,
 * side by side. The runs alternate, with, without, with, without, so that whatever else the
 * machine is doing weighs on both alike, and only the ratio of their medians is reported as
 * the plugin's cost: absolute times on a shared machine are noise.
 */
final class BuildComparison {
  /** Maven from the PATH, as a developer runs it. */
  static final String MVN = System.getProperty("os.name").startsWith("Windows") ? "mvn.cmd" : "mvn";
  static final String WITHOUT = "without plugin";
  static final String WITH = "with plugin";
  static final String SKIPPED = "with plugin, skipped";
  static final String LIBRARIES = "reference plugin (Freemarker and Jackson started)";
  static final String CLEAN_SKIPPED = "maven-clean-plugin, skipped";

  private final ThrowawayProjects projects;
  private final Path repository;
  private final Path log;

  BuildComparison(ThrowawayProjects projects, Path repository, Path log) {
    this.projects = projects;
    this.repository = repository;
    this.log = log;
  }

  /** One way of building: a project, and Maven options on top of the common ones. */
  private record Variant(String name, Path project, List<String> options) {}

  /** The runs of one case, by variant, in the order they were taken. */
  record Case(String name, Map<String, Samples> samples) {

    /** The median wall time of a variant over that of the build without the plugin. */
    double wallRatio(String variant) {
      return wallRatio(variant, WITHOUT);
    }

    double cpuRatio(String variant) {
      return cpuRatio(variant, WITHOUT);
    }

    /** The median wall time of a variant over that of {@code base}. */
    double wallRatio(String variant, String base) {
      return samples.get(variant).wallMedian() / samples.get(base).wallMedian();
    }

    double cpuRatio(String variant, String base) {
      return samples.get(variant).cpuMedian() / samples.get(base).cpuMedian();
    }

    /** The median, over the rounds, of one round's wall-time ratio of variant to base. */
    double pairedWallRatio(String variant, String base) {
      List<Double> ratios = new ArrayList<>();
      List<Double> a = samples.get(variant).wall();
      List<Double> b = samples.get(base).wall();
      for (int i = 0; i < a.size(); i++) {
        ratios.add(a.get(i) / b.get(i));
      }
      return Stats.median(ratios);
    }
  }

  /** Wall and CPU seconds of each run of one variant. */
  record Samples(List<Double> wall, List<Double> cpu) {
    double wallMedian() {
      return Stats.median(wall);
    }

    double cpuMedian() {
      return Stats.median(cpu);
    }
  }

  /**
   * Fills the harness's repository from the user's through one online build of each project,
   * then checks, with full logs, that the plugin really generates and then finds the output up
   * to date. Those builds also warm the file cache before anything is timed.
   */
  void prepare() throws IOException, InterruptedException {
    build(projects.with, List.of(), false, false);
    build(projects.without, List.of(), false, false);
    build(projects.libraries, List.of(), false, false);
    build(projects.cleanSkipped, List.of(), false, false);
    deleteRecursively(projects.with.resolve("target"));
    expectLog(build(projects.with, List.of(), true, false), "files from");
    expectLog(build(projects.with, List.of(), true, false), "is up to date");
    expectLog(build(projects.with, List.of("-Dasgkms.skip"), true, false), "skipped");
    build(projects.without, List.of(), true, true);
  }

  /**
   * Generation from scratch: the output and the stamp are removed before every run. The
   * reference plugin, which only starts the libraries, is the floor it is held to.
   */
  Case cold(int runs) throws IOException, InterruptedException {
    Case result = measure("cold generation", runs, true, List.of(
        new Variant(WITHOUT, projects.without, List.of()),
        new Variant(LIBRARIES, projects.libraries, List.of()),
        new Variant(WITH, projects.with, List.of())));
    if (!Files.isRegularFile(projects.manifest())) {
      throw new IllegalStateException("the cold runs generated nothing");
    }
    return result;
  }

  /**
   * A build whose spec, templates and output are unchanged since the last one; and, for
   * reference, the same build with the plugin skipped, which is Maven loading the plugin and
   * nothing more, and the bare build with Apache's maven-clean-plugin skipped instead: what
   * loading any plugin costs.
   */
  Case upToDate(int runs) throws IOException, InterruptedException {
    build(projects.with, List.of(), true, true);
    return measure("up to date", runs, false, List.of(
        new Variant(WITHOUT, projects.without, List.of()),
        new Variant(WITH, projects.with, List.of()),
        new Variant(SKIPPED, projects.with, List.of("-Dasgkms.skip")),
        new Variant(CLEAN_SKIPPED, projects.cleanSkipped, List.of())));
  }

  private Case measure(String name, int runs, boolean cleanFirst, List<Variant> variants)
      throws IOException, InterruptedException {
    Map<String, Samples> samples = new LinkedHashMap<>();
    for (Variant variant : variants) {
      samples.put(variant.name(), new Samples(new ArrayList<>(), new ArrayList<>()));
    }
    for (int i = 0; i < runs; i++) {
      for (Variant variant : variants) {
        if (cleanFirst) {
          deleteRecursively(variant.project().resolve("target"));
        }
        double cpuBefore = ChildCpu.seconds();
        long start = System.nanoTime();
        build(variant.project(), variant.options(), true, true);
        Samples taken = samples.get(variant.name());
        taken.wall().add((System.nanoTime() - start) / 1e9);
        taken.cpu().add(ChildCpu.seconds() - cpuBefore);
      }
    }
    return new Case(name, samples);
  }

  /** Runs Maven in {@code project}; its output goes to the log, shown only if it fails. */
  private String build(Path project, List<String> options, boolean offline, boolean quiet)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(MVN));
    if (offline) {
      command.add("-o");
    }
    if (quiet) {
      command.add("-q");
    }
    command.addAll(List.of("-s", projects.settings.toString(),
        "-Dmaven.repo.local=" + repository));
    command.addAll(options);
    command.add("generate-sources");
    Process process = new ProcessBuilder(command).directory(project.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int exit = process.waitFor();
    String output = Files.readString(log);
    if (exit != 0) {
      throw new IllegalStateException(String.join(" ", command) + " in " + project
          + " failed with exit code " + exit + ":\n" + output);
    }
    return output;
  }

  private static void expectLog(String output, String expected) {
    if (!output.contains("asg-kms: ") || !output.contains(expected)) {
      throw new IllegalStateException("expected the plugin to log '" + expected + "':\n"
          + output);
    }
  }

  static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}

package io.github.asgkms.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

  private final ThrowawayProjects projects;
  private final Path repository;
  private final Path log;

  BuildComparison(ThrowawayProjects projects, Path repository, Path log) {
    this.projects = projects;
    this.repository = repository;
    this.log = log;
  }

  /** One case: the wall and CPU seconds of each run, with and without the plugin. */
  record Case(String name, List<Double> withWall, List<Double> withoutWall,
      List<Double> withCpu, List<Double> withoutCpu) {

    double wallRatio() {
      return Stats.median(withWall) / Stats.median(withoutWall);
    }

    double cpuRatio() {
      return Stats.median(withCpu) / Stats.median(withoutCpu);
    }
  }

  /**
   * Fills the harness's repository from the user's through one online build of each project,
   * then checks, with full logs, that the plugin really generates and then finds the output up
   * to date. Those builds also warm the file cache before anything is timed.
   */
  void prepare() throws IOException, InterruptedException {
    build(projects.with, false, false);
    build(projects.without, false, false);
    deleteRecursively(projects.with.resolve("target"));
    expectLog(build(projects.with, true, false), "files from");
    expectLog(build(projects.with, true, false), "is up to date");
    build(projects.without, true, true);
  }

  /** Generation from scratch: the output and the stamp are removed before every run. */
  Case cold(int runs) throws IOException, InterruptedException {
    Case result = measure("cold generation", runs, true);
    if (!Files.isRegularFile(projects.manifest())) {
      throw new IllegalStateException("the cold runs generated nothing");
    }
    return result;
  }

  /** A build whose spec, templates and output are unchanged since the last one. */
  Case upToDate(int runs) throws IOException, InterruptedException {
    build(projects.with, true, true);
    return measure("up to date", runs, false);
  }

  private Case measure(String name, int runs, boolean cleanFirst)
      throws IOException, InterruptedException {
    Case result = new Case(name, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
        new ArrayList<>());
    for (int i = 0; i < runs; i++) {
      Sample with = timed(projects.with, cleanFirst);
      Sample without = timed(projects.without, cleanFirst);
      result.withWall().add(with.wall());
      result.withCpu().add(with.cpu());
      result.withoutWall().add(without.wall());
      result.withoutCpu().add(without.cpu());
    }
    return result;
  }

  private record Sample(double wall, double cpu) {}

  /** One timed build; cleaning, when asked for, happens before the clock starts. */
  private Sample timed(Path project, boolean cleanFirst)
      throws IOException, InterruptedException {
    if (cleanFirst) {
      deleteRecursively(project.resolve("target"));
    }
    double cpuBefore = ChildCpu.seconds();
    long start = System.nanoTime();
    build(project, true, true);
    double wall = (System.nanoTime() - start) / 1e9;
    return new Sample(wall, ChildCpu.seconds() - cpuBefore);
  }

  /** Runs Maven in {@code project}; its output goes to the log, shown only if it fails. */
  private String build(Path project, boolean offline, boolean quiet)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(MVN));
    if (offline) {
      command.add("-o");
    }
    if (quiet) {
      command.add("-q");
    }
    command.addAll(List.of("-s", projects.settings.toString(),
        "-Dmaven.repo.local=" + repository, "generate-sources"));
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

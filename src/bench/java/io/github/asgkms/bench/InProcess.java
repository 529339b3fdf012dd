package io.github.asgkms.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs {@link PipelineBenchmark} with JMH and tabulates its scores by key count. */
final class InProcess {
  static final String PIPELINE = "pipeline";
  static final String WITHOUT_ACCESS = "pipelineWithoutAccessCheck";
  private static final String[] STAGES = {PIPELINE, WITHOUT_ACCESS, "parseAndValidate", "plan",
      "render"};

  private InProcess() {}

  /**
   * Milliseconds per run: the median of the measured iterations, which one burst of another
   * process's work cannot move far, and JMH's mean with its 99.9% confidence half-width.
   */
  record Score(double millis, double mean, double error) {}

  /** Scores by benchmark method, then by key count. */
  static Map<String, Map<Integer, Score>> run() throws RunnerException {
    // One fork per benchmark, with the JVM's default heap, as Maven runs. A second per
    // iteration is many runs at the small sizes and one or two at 10,000 keys.
    Options options = new OptionsBuilder()
        .include(PipelineBenchmark.class.getName())
        .forks(1)
        .warmupIterations(3)
        .warmupTime(TimeValue.seconds(1))
        .measurementIterations(7)
        .measurementTime(TimeValue.seconds(1))
        .build();
    Collection<RunResult> results = new Runner(options).run();
    Map<String, Map<Integer, Score>> scores = new TreeMap<>();
    for (RunResult run : results) {
      String label = run.getParams().getBenchmark();
      String method = label.substring(label.lastIndexOf('.') + 1);
      int keys = Integer.parseInt(run.getParams().getParam("keys"));
      List<Double> iterations = new ArrayList<>();
      for (BenchmarkResult benchmark : run.getBenchmarkResults()) {
        for (IterationResult iteration : benchmark.getIterationResults()) {
          iterations.add(iteration.getPrimaryResult().getScore());
        }
      }
      Result<?> primary = run.getPrimaryResult();
      scores.computeIfAbsent(method, m -> new TreeMap<>()).put(keys,
          new Score(Stats.median(iterations), primary.getScore(), primary.getScoreError()));
    }
    return scores;
  }

  static void print(Map<String, Map<Integer, Score>> scores, PrintStream out) {
    out.println();
    out.println("In process, ms per run: median of JMH's iterations"
        + " (JMH's mean ± 99.9% confidence half-width)");
    out.printf("%8s", "keys");
    for (String stage : STAGES) {
      out.printf("  %26s", stage);
    }
    out.println();
    Map<Integer, Score> pipeline = scores.getOrDefault(PIPELINE, Map.of());
    for (int keys : pipeline.keySet()) {
      out.printf("%8d", keys);
      for (String stage : STAGES) {
        Score score = scores.getOrDefault(stage, Map.of()).get(keys);
        out.printf("  %26s", score == null ? "-" : String.format("%.3f (%.3f ± %.3f)",
            score.millis(), score.mean(), score.error()));
      }
      out.println();
    }
  }
}

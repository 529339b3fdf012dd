package io.github.asgkms.bench;

import java.io.PrintStream;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
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
  private static final String[] STAGES = {PIPELINE, "parseAndValidate", "plan", "render"};

  private InProcess() {}

  /** A score in milliseconds per operation, and JMH's 99.9% confidence half-width. */
  record Score(double millis, double error) {}

  /** Scores by benchmark method, then by key count. */
  static Map<String, Map<Integer, Score>> run() throws RunnerException {
    // One fork per benchmark; a second of warm-up per iteration is many operations for the
    // small sizes and still one or two at 10,000 keys, where a single run is the figure.
    Options options = new OptionsBuilder()
        .include(PipelineBenchmark.class.getName())
        .forks(1)
        .warmupIterations(3)
        .warmupTime(TimeValue.seconds(1))
        .measurementIterations(5)
        .measurementTime(TimeValue.seconds(1))
        .jvmArgsAppend("-Xms1g", "-Xmx1g")
        .build();
    Collection<RunResult> results = new Runner(options).run();
    Map<String, Map<Integer, Score>> scores = new TreeMap<>();
    for (RunResult run : results) {
      String label = run.getParams().getBenchmark();
      String method = label.substring(label.lastIndexOf('.') + 1);
      int keys = Integer.parseInt(run.getParams().getParam("keys"));
      Result<?> primary = run.getPrimaryResult();
      scores.computeIfAbsent(method, m -> new TreeMap<>())
          .put(keys, new Score(primary.getScore(), primary.getScoreError()));
    }
    return scores;
  }

  static void print(Map<String, Map<Integer, Score>> scores, PrintStream out) {
    out.println();
    out.println("In process, JMH average time per run in ms (± 99.9% confidence half-width)");
    out.printf("%8s", "keys");
    for (String stage : STAGES) {
      out.printf("  %22s", stage);
    }
    out.println();
    Map<Integer, Score> pipeline = scores.getOrDefault(PIPELINE, Map.of());
    for (int keys : pipeline.keySet()) {
      out.printf("%8d", keys);
      for (String stage : STAGES) {
        Score score = scores.getOrDefault(stage, Map.of()).get(keys);
        out.printf("  %22s", score == null ? "-" : String.format("%.3f ± %.3f",
            score.millis(), score.error()));
      }
      out.println();
    }
  }
}

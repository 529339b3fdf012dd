package io.github.asgkms.bench;

import io.github.asgkms.GenerateRequest;
import io.github.asgkms.Generator;
import io.github.asgkms.output.GeneratedFile;
import io.github.asgkms.plan.Plan;
import io.github.asgkms.plan.Planner;
import io.github.asgkms.render.Format;
import io.github.asgkms.render.Renderer;
import io.github.asgkms.render.TemplateEngine;
import io.github.asgkms.spec.Spec;
import io.github.asgkms.spec.SpecReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The in-process cost of one generation, and of each of its stages. {@code pipeline} is what a
 * plugin run does before it touches the output directory: read the spec file, parse and
 * validate it, plan, and render every available format with a new template engine, so
 * template parsing is counted once per run, as in a build; then the access check reads the
 * files back and ACCESS.md is rendered. {@code pipelineWithoutAccessCheck} leaves out those
 * last two. The stage benchmarks split it up to show where the time goes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PipelineBenchmark {
  static final String LABEL = "src/main/asg-kms/asg-kms.yaml";

  @Param({"1", "10", "100", "1000", "10000"})
  int keys;

  private Path directory;
  private GenerateRequest request;
  private String text;
  private Spec spec;
  private Plan plan;
  private Renderer renderer;
  private Set<Format> formats;

  /** Every format this build can render, so a new one is benchmarked as soon as it exists. */
  static Set<Format> availableFormats() {
    return Arrays.stream(Format.values())
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Format.class)));
  }

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    text = SyntheticSpec.text(keys);
    directory = Files.createTempDirectory("asg-kms-bench");
    Path specFile = Files.writeString(directory.resolve("asg-kms.yaml"), text,
        StandardCharsets.UTF_8);
    formats = availableFormats();
    request = new GenerateRequest(specFile, LABEL, directory.resolve("out"), formats, null);
    spec = SpecReader.parse(text, LABEL);
    plan = Planner.plan(spec, LABEL);
    renderer = new Renderer(new TemplateEngine(null));
    List<GeneratedFile> files = renderer.render(plan, formats);
    if (files.isEmpty()) {
      throw new IllegalStateException("nothing rendered for " + keys + " keys");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    Files.deleteIfExists(directory.resolve("asg-kms.yaml"));
    Files.deleteIfExists(directory);
  }

  /** The whole in-memory run: read, parse, validate, plan, render all formats. */
  @Benchmark
  public Generator.Rendering pipeline() throws Exception {
    return Generator.render(request);
  }

  /**
   * The same without the access check and its ACCESS.md tables: read, parse, validate, plan
   * and render, with a new template engine, as a build.
   */
  @Benchmark
  public List<GeneratedFile> pipelineWithoutAccessCheck() throws Exception {
    return StartUp.renderWithoutAccessCheck(request.spec(), formats);
  }

  /** YAML to a validated spec, from text already in memory. */
  @Benchmark
  public Spec parseAndValidate() throws Exception {
    return SpecReader.parse(text, LABEL);
  }

  @Benchmark
  public Plan plan() {
    return Planner.plan(spec, LABEL);
  }

  /** Rendering alone, with templates already parsed by an earlier call. */
  @Benchmark
  public List<GeneratedFile> render() throws Exception {
    return renderer.render(plan, formats);
  }
}

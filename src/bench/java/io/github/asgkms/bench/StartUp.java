package io.github.asgkms.bench;

import io.github.asgkms.GenerateRequest;
import io.github.asgkms.Generator;
import io.github.asgkms.output.GeneratedFile;
import io.github.asgkms.plan.Plan;
import io.github.asgkms.plan.Planner;
import io.github.asgkms.render.Format;
import io.github.asgkms.render.Renderer;
import io.github.asgkms.render.TemplateEngine;
import io.github.asgkms.spec.SpecReader;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One fresh JVM's worth of work, for {@link StartUpComparison}: nothing at all; the least any
 * use of the plugin's libraries costs ({@link LibrariesStart}); the pipeline of a spec without
 * the access check, once or again and again; a whole generation of a spec; or a generation with
 * a stamp, which after the first run finds the output up to date.
 */
public final class StartUp {
  private StartUp() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "jvm" -> { }
      case "libraries" -> LibrariesStart.run();
      case "render" -> renderWithoutAccessCheck(Path.of(args[1]), EnumSet.allOf(Format.class));
      case "repeat" -> {
        // Mostly warm: the pipeline again and again in one JVM, args[3] times.
        for (int i = Integer.parseInt(args[3]); i > 0; i--) {
          renderWithoutAccessCheck(Path.of(args[1]), EnumSet.allOf(Format.class));
        }
      }
      case "generate" -> Generator.generate(new GenerateRequest(Path.of(args[1]), "asg-kms.yaml",
          Path.of(args[2]), EnumSet.allOf(Format.class), null, null, "bench"));
      case "stamped" -> Generator.generate(new GenerateRequest(Path.of(args[1]), "asg-kms.yaml",
          Path.of(args[2]), EnumSet.allOf(Format.class), null,
          Path.of(args[2] + ".stamp"), "bench"));
      default -> throw new IllegalArgumentException("unknown mode " + args[0]);
    }
  }

  /**
   * The pipeline without the access check and its ACCESS.md tables: read, parse, validate,
   * plan and render in memory, with a new template engine, as a build.
   */
  static List<GeneratedFile> renderWithoutAccessCheck(Path spec, Set<Format> formats)
      throws Exception {
    Plan plan = Planner.plan(SpecReader.read(spec, PipelineBenchmark.LABEL),
        PipelineBenchmark.LABEL);
    return new Renderer(new TemplateEngine(null)).render(plan, formats);
  }
}

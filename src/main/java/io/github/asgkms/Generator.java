package io.github.asgkms;

import io.github.asgkms.output.GeneratedFile;
import io.github.asgkms.output.OutputDirectory;
import io.github.asgkms.plan.Plan;
import io.github.asgkms.plan.Planner;
import io.github.asgkms.render.RenderException;
import io.github.asgkms.render.Renderer;
import io.github.asgkms.render.TemplateEngine;
import io.github.asgkms.spec.Spec;
import io.github.asgkms.spec.SpecException;
import io.github.asgkms.spec.SpecReader;
import java.io.IOException;
import java.util.List;

/**
 * The whole pipeline: spec, plan, render, output. Everything is rendered in memory before the
 * output directory is touched, so a bad spec or a failing template changes nothing on disk.
 */
public final class Generator {
  private Generator() {}

  /** Renders and writes; returns what changed on disk. */
  public static GenerateResult generate(GenerateRequest request)
      throws SpecException, RenderException, IOException {
    Rendering rendering = render(request);
    OutputDirectory.SyncResult sync =
        new OutputDirectory(request.outputDirectory()).sync(rendering.files());
    return new GenerateResult(rendering.files(), sync, rendering.plan().warnings());
  }

  /** Renders in memory only. */
  public static Rendering render(GenerateRequest request)
      throws SpecException, RenderException, IOException {
    Spec spec = SpecReader.read(request.spec(), request.specLabel());
    Plan plan = Planner.plan(spec, request.specLabel());
    Renderer renderer = new Renderer(new TemplateEngine(request.templateDirectory()));
    return new Rendering(plan, renderer.render(plan, request.formats()));
  }

  /** A plan and the files rendered from it, sorted by path. */
  public record Rendering(Plan plan, List<GeneratedFile> files) {}

  /**
   * The outcome of {@link #generate}.
   *
   * @param files every file generated
   * @param sync what was written, left alone and deleted
   * @param warnings valid parts of the spec that have no effect
   */
  public record GenerateResult(
      List<GeneratedFile> files, OutputDirectory.SyncResult sync, List<String> warnings) {}
}

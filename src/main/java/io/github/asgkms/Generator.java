package io.github.asgkms;

import io.github.asgkms.access.AccessCheck;
import io.github.asgkms.access.AccessFinding;
import io.github.asgkms.access.AccessReport;
import io.github.asgkms.access.AccessTables;
import io.github.asgkms.access.FormatAccess;
import io.github.asgkms.output.Difference;
import io.github.asgkms.output.GeneratedFile;
import io.github.asgkms.output.OutputConflictException;
import io.github.asgkms.output.OutputDirectory;
import io.github.asgkms.output.Stamp;
import io.github.asgkms.output.WriteOptions;
import io.github.asgkms.plan.Plan;
import io.github.asgkms.plan.KeyLimitException;
import io.github.asgkms.plan.Planner;
import io.github.asgkms.render.Format;
import io.github.asgkms.render.RenderException;
import io.github.asgkms.render.Renderer;
import io.github.asgkms.render.TemplateEngine;
import io.github.asgkms.spec.Spec;
import io.github.asgkms.spec.SpecError;
import io.github.asgkms.spec.SpecException;
import io.github.asgkms.spec.SpecReader;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole pipeline: spec, plan, render, output. Everything is rendered in memory before the
 * output directory is touched, so a bad spec or a failing template changes nothing on disk.
 * {@code generate} and {@code check} share every stage but the last.
 */
public final class Generator {
  private Generator() {}

  /**
   * Renders and writes; returns what changed on disk. With a stamp file, a run whose inputs and
   * owned files are unchanged renders nothing.
   */
  public static GenerateResult generate(GenerateRequest request)
      throws SpecException, RenderException, IOException {
    return generate(request, WriteOptions.defaults());
  }

  /**
   * Renders and writes as {@code options} allow; returns what changed on disk.
   *
   * @throws OutputConflictException when a file in the way is not provably the plugin's;
   *     nothing was written then
   */
  public static GenerateResult generate(GenerateRequest request, WriteOptions options)
      throws SpecException, RenderException, IOException {
    options = options.withConfiguration(request.configuration());
    OutputDirectory output = new OutputDirectory(request.outputDirectory(), options);
    String inputs = null;
    if (request.stampFile() != null && Files.isRegularFile(request.spec())) {
      inputs = Stamp.compute(request.spec(), request.stampParameters(),
          Format.builtInTemplates(), request.templateDirectory());
      Stamp.Recorded last = inputs == null ? null : Stamp.read(request.stampFile());
      if (last != null && last.inputs().equals(inputs)
          && last.output().equals(Stamp.ofOutput(output))) {
        return GenerateResult.nothingToDo();
      }
    }
    Rendering rendering = render(request);
    GeneratedFile manifest = options.manifestOf(rendering.files());
    OutputDirectory.SyncResult sync = output.sync(rendering.files(), manifest);
    if (inputs != null) {
      Stamp.write(request.stampFile(),
          new Stamp.Recorded(inputs, Stamp.ofGenerated(rendering.files(), manifest)));
    }
    // What check fails on, generate writes and warns of.
    List<String> warnings = new ArrayList<>(rendering.warnings());
    rendering.access().findings().forEach(finding -> warnings.add(finding.message()));
    return new GenerateResult(false, rendering.files().size(), sync, List.copyOf(warnings));
  }

  /**
   * Renders in memory, lists how the output directory differs, and checks that the output
   * allows every call its consumers make and nothing more. Writes nothing.
   */
  public static CheckResult check(GenerateRequest request)
      throws SpecException, RenderException, IOException {
    return check(request, WriteOptions.defaults());
  }

  /** As {@link #check(GenerateRequest)}, expecting the manifest {@code options} would write. */
  public static CheckResult check(GenerateRequest request, WriteOptions options)
      throws SpecException, RenderException, IOException {
    Rendering rendering = render(request);
    OutputDirectory output = new OutputDirectory(request.outputDirectory(),
        options.withConfiguration(request.configuration()));
    return new CheckResult(output.compare(rendering.files()), rendering.access().findings(),
        rendering.warnings());
  }

  /**
   * Renders in memory only. The spec is read and planned before the template engine starts,
   * so a bad spec is reported before any template problem.
   */
  public static Rendering render(GenerateRequest request)
      throws SpecException, RenderException, IOException {
    Spec spec = SpecReader.read(request.spec(), request.specLabel());
    refuseImportIntoCloudFormation(spec, request);
    refuseSuffixTerraformReadsBackWrong(spec, request);
    Plan plan = plan(spec, request.specLabel());
    Renderer renderer = new Renderer(new TemplateEngine(request.templateDirectory()));
    List<GeneratedFile> files =
        renderer.render(plan, request.formats(), request.regenerateCommand());
    // The access model reads the files as rendered, the user's templates included.
    AccessReport access = AccessCheck.check(plan, files, request.formats(),
        request.accessTables());
    if (request.accessTables()) {
      files = withAccessTables(files, renderer, plan, access, request.regenerateCommand());
    }
    return new Rendering(plan, files, warnings(plan, request.formats(), access), access);
  }

  /**
   * importServiceLinkedRoles with the cloudformation format: a spec error, located at the
   * field, though only the request's formats make it one. CloudFormation has no import block,
   * and a template that declared the roles would create them, which fails for a role that
   * exists.
   */
  private static void refuseImportIntoCloudFormation(Spec spec, GenerateRequest request)
      throws SpecException {
    if (!spec.importServiceLinkedRoles()
        || !request.formats().contains(Format.CLOUDFORMATION)) {
      return;
    }
    throw new SpecException(List.of(spec.importServiceLinkedRolesLocation().orElseThrow().error(
        request.specLabel(),
        "a CloudFormation template cannot import a service-linked role; the cloudformation"
            + " format is generated, so leave importServiceLinkedRoles out, or generate"
            + " cloudformation from a spec without it")));
  }

  /**
   * A custom suffix with an underscore, on a service-linked role that Terraform creates or
   * adopts: the AWS provider reads the suffix back from the role's name as what follows its
   * only underscore (DecodeServiceLinkedRoleID, internal/service/iam/service_linked_role.go),
   * so with a second underscore it reads none, and custom_suffix forces a new role: every
   * plan would replace the role that Auto Scaling launches with.
   */
  private static void refuseSuffixTerraformReadsBackWrong(Spec spec, GenerateRequest request)
      throws SpecException {
    String suffix = spec.serviceLinkedRoleSuffix().orElse("");
    if (!suffix.contains("_") || !request.formats().contains(Format.TERRAFORM)
        || !(spec.createServiceLinkedRole() || spec.importServiceLinkedRoles())) {
      return;
    }
    throw new SpecException(List.of(spec.serviceLinkedRoleSuffixLocation().orElseThrow().error(
        request.specLabel(),
        "the Terraform AWS provider reads a service-linked role's suffix back from its name as"
            + " what follows the name's only underscore, so it would read none from "
            + "AWSServiceRoleForAutoScaling_" + suffix + " and replace the role on every apply;"
            + " with " + (spec.importServiceLinkedRoles() ? "importServiceLinkedRoles"
                : "createServiceLinkedRole") + " and the terraform format, use a suffix"
            + " without _")));
  }

  /** The files with each format's ACCESS.md added, all sorted by path. */
  private static List<GeneratedFile> withAccessTables(List<GeneratedFile> files,
      Renderer renderer, Plan plan, AccessReport access, String regenerateCommand)
      throws RenderException {
    List<GeneratedFile> all = new ArrayList<>(files);
    for (FormatAccess format : access.deployments()) {
      for (AccessTables.Page page : format.pages()) {
        all.add(renderer.renderFile(Format.ACCESS_TEMPLATE, page.path(),
            Map.of("plan", plan, "page", page, "regenerateCommand", regenerateCommand)));
      }
    }
    all.sort(Comparator.comparing(GeneratedFile::path));
    return List.copyOf(all);
  }

  /**
   * Every warning both goals show: the plan's; one when the grants are left to a format this
   * run does not generate (the key policies then let the Auto Scaling account in, and nothing
   * here creates the grants that Auto Scaling needs); and the access check's notes.
   */
  static List<String> warnings(Plan plan, Set<Format> formats, AccessReport access) {
    List<String> warnings = new ArrayList<>(plan.warnings());
    Format managing = Format.managing(plan.grantManager());
    if (!plan.grants().isEmpty() && !formats.contains(managing)) {
      warnings.add("grantManager is " + plan.grantManager().id() + " but the " + managing.id()
          + " format is not generated: nothing here creates the grants for keys in other"
          + " accounts");
    }
    warnings.addAll(access.notes());
    return List.copyOf(warnings);
  }

  /**
   * A plan, the files rendered from it, sorted by path, the warnings to show, and what the
   * access check found in the files.
   *
   * @param warnings what both goals show: valid parts of the spec that have no effect, grants
   *     that nothing generated creates, and statements with conditions the access model does
   *     not evaluate
   * @param access what the access model found, reading the rendered files back
   */
  public record Rendering(Plan plan, List<GeneratedFile> files, List<String> warnings,
      AccessReport access) {}

  /**
   * The outcome of {@link #check}.
   *
   * @param comparison how the output directory differs from what the spec generates, and how
   *     many files it generates
   * @param access calls the rendered output refuses that a consumer makes, calls it allows
   *     that it should not, files the access model cannot read
   * @param warnings valid parts of the spec that have no effect, grants nothing generated
   *     creates, and statements with conditions the access model does not evaluate
   */
  public record CheckResult(OutputDirectory.Comparison comparison, List<AccessFinding> access,
      List<String> warnings) {
    public List<Difference> differences() {
      return comparison.differences();
    }

    public boolean passed() {
      return comparison.isEmpty() && access.isEmpty();
    }
  }

  /**
   * The outcome of {@link #generate}.
   *
   * @param upToDate whether the stamp showed nothing to do, so nothing was rendered
   * @param fileCount how many files were generated
   * @param sync what was written, left alone and deleted
   * @param warnings valid parts of the spec that have no effect, grants that nothing generated
   *     creates, and what the access check finds
   */
  public record GenerateResult(
      boolean upToDate, int fileCount, OutputDirectory.SyncResult sync, List<String> warnings) {

    static GenerateResult nothingToDo() {
      return new GenerateResult(true, 0,
          new OutputDirectory.SyncResult(List.of(), List.of(), List.of()), List.of());
    }
  }

  /** The plan, or the spec's keys whose policies would exceed KMS's limit, located. */
  private static Plan plan(Spec spec, String specLabel) throws SpecException {
    try {
      return Planner.plan(spec, specLabel);
    } catch (KeyLimitException e) {
      List<SpecError> errors = new ArrayList<>();
      for (KeyLimitException.TooLarge key : e.keys()) {
        errors.add(spec.keyLocation(key.key()).error(specLabel, key.message()));
      }
      throw new SpecException(errors.stream().sorted().toList());
    }
  }
}

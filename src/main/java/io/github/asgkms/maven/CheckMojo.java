package io.github.asgkms.maven;

import io.github.asgkms.GenerateRequest;
import io.github.asgkms.Generator;
import io.github.asgkms.output.WriteOptions;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Fails the build when the output directory is not exactly what {@code generate} would write:
 * a changed file, a missing one, or a stale file the plugin owns; or when the rendered output,
 * with the built-in templates or the user's, refuses a call its consumers make or allows a call
 * the spec does not ask for. Renders in memory and writes nothing, for repositories that commit
 * the generated code.
 *
 * @since 1.0.0
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractAsgKmsMojo {

  /**
   * Skips the check: it logs one line and reads nothing.
   *
   * @since 1.0.0
   */
  @Parameter(property = "asgkms.check.skip", defaultValue = "false")
  boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("asg-kms: check skipped (asgkms.check.skip)");
      return;
    }
    GenerateRequest request = request(false);
    WriteOptions options = writeOptions(false);
    Generator.CheckResult result = callCore(() -> Generator.check(request, options));
    logWarnings(result.warnings());
    String output = relative(project.getBasedir(), outputDirectory);
    if (!result.passed()) {
      throw new MojoFailureException(CheckReport.describe(output, result.comparison(),
          result.access(), request.regenerateCommand()));
    }
    getLog().info("asg-kms: " + output + " is up to date with " + request.specLabel());
  }
}

package io.github.asgkms.maven;

import io.github.asgkms.GenerateRequest;
import io.github.asgkms.Generator;
import io.github.asgkms.output.OutputDirectory;
import io.github.asgkms.render.RenderException;
import io.github.asgkms.spec.SpecException;
import java.io.File;
import java.io.IOException;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Renders, from the spec, the KMS key policy statements, grants and IAM CreateGrant policy that
 * let the Auto Scaling service-linked role use customer managed keys.
 *
 * @since 1.0.0
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractMojo {

  /**
   * The spec file: version, Auto Scaling account, keys.
   *
   * @since 1.0.0
   */
  @Parameter(property = "asgkms.spec",
      defaultValue = "${project.basedir}/src/main/asg-kms/asg-kms.yaml", required = true)
  File spec;

  /**
   * Where the generated files go, one folder per format.
   *
   * @since 1.0.0
   */
  @Parameter(property = "asgkms.outputDirectory",
      defaultValue = "${project.build.directory}/generated-sources/asg-kms", required = true)
  File outputDirectory;

  /**
   * The formats to render, any of {@code terraform}, {@code json} and {@code cloudformation};
   * comma-separated on the command line.
   *
   * @since 1.0.0
   */
  @Parameter(property = "asgkms.formats", defaultValue = "terraform")
  List<String> formats;

  /**
   * Skips the goal.
   *
   * @since 1.0.0
   */
  @Parameter(property = "asgkms.skip", defaultValue = "false")
  boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("asg-kms: skipped (asgkms.skip)");
      return;
    }
    GenerateRequest request = Requests.generateRequest(project.getBasedir(), spec,
        outputDirectory, formats);
    try {
      Generator.GenerateResult result = Generator.generate(request);
      result.warnings().forEach(warning -> getLog().warn("asg-kms: " + warning));
      OutputDirectory.SyncResult sync = result.sync();
      getLog().info(String.format("asg-kms: %d files from %s into %s (%d written, %d unchanged,"
              + " %d deleted)", result.files().size(), request.specLabel(), outputDirectory,
          sync.written().size(), sync.unchanged().size(), sync.deleted().size()));
    } catch (SpecException e) {
      throw new MojoFailureException(e.getMessage(), e);
    } catch (RenderException e) {
      throw new MojoExecutionException("asg-kms: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new MojoExecutionException("asg-kms: cannot write " + outputDirectory + ": "
          + e.getMessage(), e);
    }
  }
}

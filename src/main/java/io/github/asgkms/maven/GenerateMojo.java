package io.github.asgkms.maven;

import io.github.asgkms.GenerateRequest;
import io.github.asgkms.Generator;
import io.github.asgkms.output.OutputDirectory;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Renders, from the spec, the KMS key policy statements, grants and IAM CreateGrant policy that
 * let the Auto Scaling service-linked role use customer managed keys. Writes only the files
 * that changed and deletes the ones it wrote before and no longer generates.
 *
 * @since 1.0.0
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractAsgKmsMojo {

  /**
   * Skips the goal: it logs one line and reads and writes nothing.
   *
   * @since 1.0.0
   */
  @Parameter(property = "asgkms.skip", defaultValue = "false")
  boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("asg-kms: skipped (asgkms.skip)");
      return;
    }
    GenerateRequest request = request(true);
    Generator.GenerateResult result = callCore(() -> Generator.generate(request));
    String output = relative(project.getBasedir(), outputDirectory);
    if (result.upToDate()) {
      getLog().info("asg-kms: " + output + " is up to date");
      return;
    }
    result.warnings().forEach(warning -> getLog().warn("asg-kms: " + warning));
    OutputDirectory.SyncResult sync = result.sync();
    getLog().info(String.format("asg-kms: %d files from %s into %s (%d written, %d unchanged,"
            + " %d deleted)", result.fileCount(), request.specLabel(), output,
        sync.written().size(), sync.unchanged().size(), sync.deleted().size()));
  }
}

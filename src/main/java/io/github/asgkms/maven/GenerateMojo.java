package io.github.asgkms.maven;

import io.github.asgkms.GenerateRequest;
import io.github.asgkms.Generator;
import io.github.asgkms.output.OutputDirectory;
import io.github.asgkms.output.WriteOptions;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Renders, from the spec, the KMS key policy statements, grants and IAM CreateGrant policy that
 * let the Auto Scaling service-linked role use customer managed keys. Writes only the files
 * that changed and deletes the ones it wrote before and no longer generates, as one
 * transaction under a lock: the output directory is the old generation or the new one, never
 * a mix, and a file the plugin cannot prove it wrote is never overwritten or deleted.
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

  /**
   * Takes the generated version on purpose. Without it, the plugin replaces or deletes only
   * files it can prove it wrote (their bytes match the SHA-256 in the manifest), and a run
   * that finds anything else in the way fails, naming each file, and writes nothing. With it,
   * files at generated paths that were edited by hand or not written by the plugin are
   * replaced, files edited by hand that are no longer generated are kept and no longer
   * tracked, and manifest lines that do not parse are ignored. From the command line, it also
   * takes over output that the manifest says another configuration wrote (other formats,
   * spec or templates), which such a run otherwise refuses to touch. Symbolic links, folders
   * and special files in the way are never followed or replaced.
   *
   * @since 1.0.0
   */
  @Parameter(property = FORCE_PROPERTY, defaultValue = "false")
  boolean force;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("asg-kms: skipped (asgkms.skip)");
      return;
    }
    SharedOutputCheck.refuseSharedOutput(this, session);
    GenerateRequest request = request(true);
    // A run from the command line standing in for a bound execution may not take over the
    // output of another configuration unless forced.
    WriteOptions options = writeOptions(force).withSameConfiguration(
        SharedOutputCheck.standsInForBoundExecution(this, session));
    Generator.GenerateResult result = callCore(() -> Generator.generate(request, options));
    String output = relative(project.getBasedir(), outputDirectory);
    if (result.upToDate()) {
      getLog().info("asg-kms: " + output + " is up to date");
      return;
    }
    logWarnings(result.warnings());
    getLog().info(summary(result, request.specLabel(), output));
  }

  /**
   * What the run did, counted as {@code check} counts: the files the spec generates (the
   * manifest is bookkeeping, not counted), those written, and those deleted.
   */
  static String summary(Generator.GenerateResult result, String spec, String output) {
    OutputDirectory.SyncResult sync = result.sync();
    int modes = sync.modesSet().size();
    StringBuilder out = new StringBuilder("asg-kms: wrote ")
        .append(sync.written().size() + modes).append(" of ").append(result.fileCount())
        .append(result.fileCount() == 1 ? " file" : " files").append(" from ").append(spec)
        .append(" into ").append(output);
    if (modes > 0) {
      out.append(" (").append(modes).append(modes == 1 ? " only its" : " only their")
          .append(" executable bit)");
    }
    out.append(", ").append(sync.unchanged().size()).append(" unchanged");
    if (!sync.deleted().isEmpty()) {
      out.append(", deleted ").append(sync.deleted().size()).append(" no longer generated");
    }
    if (!sync.kept().isEmpty()) {
      out.append(", kept ").append(sync.kept().size()).append(" no longer generated (force)");
    }
    return out.toString();
  }
}

package io.github.asgkms.maven;

import io.github.asgkms.GenerateRequest;
import io.github.asgkms.render.Format;
import io.github.asgkms.render.RenderException;
import io.github.asgkms.spec.SpecException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * The parameters {@code generate} and {@code check} share, and their mapping to the core's
 * request: the two goals must see exactly the same output for the same configuration.
 */
abstract class AbstractAsgKmsMojo extends AbstractMojo {

  /**
   * The spec file: version, Auto Scaling account, keys.
   *
   * @since 1.0.0
   */
  @Parameter(property = "asgkms.spec",
      defaultValue = "${project.basedir}/src/main/asg-kms/asg-kms.yaml", required = true)
  File spec;

  /**
   * Where the generated files go, one folder per format. The plugin lists the files it owns in
   * {@code .asg-kms-manifest} there, and never changes or deletes any other file.
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
   * A folder of templates that override the built-in ones file by file, at the same relative
   * paths ({@code terraform/grant.tf.ftl}, ...). Templates it does not hold come from the
   * plugin.
   *
   * @since 1.0.0
   */
  @Parameter(property = "asgkms.templateDirectory")
  File templateDirectory;

  /**
   * Whether to write {@code ACCESS.md} in each account folder of each format: per key, what
   * each principal may do with it once the output is applied, and the statement, grant or IAM
   * policy that allows it, as the plugin's access model evaluates the rendered files.
   *
   * @since 1.0.0
   */
  @Parameter(property = "asgkms.accessTables", defaultValue = "true")
  boolean accessTables = true;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
  MojoExecution mojoExecution;

  /** A call into the core. */
  interface CoreCall<T> {
    T run() throws SpecException, RenderException, IOException;
  }

  /**
   * Runs a core call, mapping its failures: a bad spec fails the build (BUILD FAILURE with
   * every located error); a template or I/O problem is an execution error.
   */
  <T> T callCore(CoreCall<T> call) throws MojoExecutionException, MojoFailureException {
    try {
      return call.run();
    } catch (SpecException e) {
      throw new MojoFailureException(e.getMessage(), e);
    } catch (RenderException | IOException e) {
      throw new MojoExecutionException("asg-kms: " + e.getMessage(), e);
    }
  }

  /** The core's request for this configuration; a stamp file only when asked for. */
  GenerateRequest request(boolean withStamp) throws MojoExecutionException {
    Path templates = null;
    if (templateDirectory != null) {
      if (!templateDirectory.isDirectory()) {
        throw new MojoExecutionException("asg-kms: templateDirectory " + templateDirectory
            + " is not a directory");
      }
      templates = templateDirectory.toPath();
    }
    Path stamp = withStamp ? stampFile() : null;
    return new GenerateRequest(spec.toPath(), label(project.getBasedir(), spec),
        outputDirectory.toPath(), formats(formats), templates, stamp, pluginVersion(),
        accessTables);
  }

  /** One stamp per execution, in the build directory: never in committed output. */
  private Path stampFile() {
    String execution = mojoExecution == null ? "default" : mojoExecution.getExecutionId();
    return Path.of(project.getBuild().getDirectory(), "asg-kms", execution + ".stamp");
  }

  private String pluginVersion() {
    return mojoExecution == null ? "" : mojoExecution.getVersion();
  }

  /**
   * The spec's path relative to the project, with {@code /} separators, so generated headers
   * and messages are the same on every machine.
   */
  static String label(File basedir, File file) {
    return relative(basedir, file);
  }

  /** A path for messages: relative to the project when it is inside it. */
  static String relative(File basedir, File target) {
    Path file = target.toPath().toAbsolutePath().normalize();
    Path base = basedir == null ? null : basedir.toPath().toAbsolutePath().normalize();
    Path shown = base != null && file.startsWith(base) ? base.relativize(file) : file;
    return shown.toString().replace(File.separatorChar, '/');
  }

  static Set<Format> formats(List<String> names) throws MojoExecutionException {
    Set<Format> formats = EnumSet.noneOf(Format.class);
    for (String name : names == null ? List.<String>of() : names) {
      for (String part : name.split(",")) {
        if (part.isBlank()) {
          continue;
        }
        Format format = Format.fromId(part).orElseThrow(() -> new MojoExecutionException(
            "asg-kms: unknown format '" + part.strip() + "' in <formats>/asgkms.formats;"
                + " expected any of " + Format.ids()));
        formats.add(format);
      }
    }
    if (formats.isEmpty()) {
      throw new MojoExecutionException(
          "asg-kms: <formats>/asgkms.formats is empty; expected any of " + Format.ids());
    }
    return formats;
  }
}

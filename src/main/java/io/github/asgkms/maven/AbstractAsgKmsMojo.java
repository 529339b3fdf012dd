package io.github.asgkms.maven;

import io.github.asgkms.GenerateRequest;
import io.github.asgkms.output.OtherConfigurationException;
import io.github.asgkms.output.OutputConflictException;
import io.github.asgkms.output.Stamp;
import io.github.asgkms.output.WriteOptions;
import io.github.asgkms.render.Format;
import io.github.asgkms.render.RenderException;
import io.github.asgkms.spec.SpecException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * The parameters {@code generate} and {@code check} share, and their mapping to the core's
 * request: the two goals must see exactly the same output for the same configuration.
 */
abstract class AbstractAsgKmsMojo extends AbstractMojo {
  /** The user property of {@code generate}'s {@code force}. */
  static final String FORCE_PROPERTY = "asgkms.force";
  /** The execution id Maven gives a goal run from the command line. */
  static final String COMMAND_LINE = "default-cli";

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
   * {@code .asg-kms-manifest} there, with their SHA-256, and never changes or deletes any other
   * file. It may not be the root of a file system or your home folder.
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

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  /** A call into the core. */
  interface CoreCall<T> {
    T run() throws SpecException, RenderException, IOException;
  }

  /**
   * Runs a core call, mapping its failures: a bad spec, or files in the output directory that
   * are not the plugin's to overwrite or delete, fail the build (BUILD FAILURE, every file
   * named); a template or I/O problem is an execution error, which names the file, the
   * operation and the reason.
   */
  <T> T callCore(CoreCall<T> call) throws MojoExecutionException, MojoFailureException {
    try {
      return call.run();
    } catch (SpecException e) {
      throw new MojoFailureException(e.getMessage(), e);
    } catch (OutputConflictException e) {
      throw new MojoFailureException(conflictReport(e), e);
    } catch (OtherConfigurationException e) {
      throw new MojoFailureException(otherConfigurationReport(e), e);
    } catch (RenderException | IOException e) {
      throw new MojoExecutionException("asg-kms: " + e.getMessage(), e);
    }
  }

  /** The conflicts, then what the user can do about them. */
  private String conflictReport(OutputConflictException e) {
    StringBuilder out = new StringBuilder("asg-kms: ").append(OutputConflictException
        .describe(relative(project.getBasedir(), outputDirectory), e.conflicts()));
    if (e.allForceable()) {
      out.append("\nMove the files that are yours elsewhere, or run with -D")
          .append(FORCE_PROPERTY).append(" to take the generated version on purpose: it")
          .append(" replaces files at generated paths, and keeps, untracked, the edited files")
          .append(" it no longer generates.");
    } else {
      out.append("\nMove the links, folders and special files out of the way: the plugin")
          .append(" never follows or replaces them, even with -D").append(FORCE_PROPERTY)
          .append('.');
    }
    return out.toString();
  }

  /**
   * What differs, and the three ways out. A goal run from the command line does not see the
   * configuration inside an {@code <execution>}: the quick start's setup, where it would
   * otherwise prune the formats the bound execution wrote.
   */
  private String otherConfigurationReport(OtherConfigurationException e) {
    int files = e.wouldDelete();
    return "asg-kms: " + relative(project.getBasedir(), outputDirectory) + " was written with"
        + " another configuration: " + String.join("; ", e.differences()) + ". Nothing was"
        + " written: this run from the command line (" + COMMAND_LINE + ") does not see the"
        + " configuration inside an <execution>"
        + (files == 0 ? "" : ", and would delete " + (files == 1 ? "1 file" : files + " files")
            + " that configuration wrote")
        + ". Run the build's own command, such as mvn generate-sources; or move the"
        + " <configuration> to the plugin level, where the command line finds it too; or run"
        + " with -D" + FORCE_PROPERTY + " to take this configuration on purpose.";
  }

  /**
   * How the core may write: as this project, so that another project's manifest in the same
   * directory is a conflict, with its notices in the build log.
   */
  WriteOptions writeOptions(boolean force) {
    String owner = project == null ? null : project.getGroupId() + ":" + project.getArtifactId();
    return WriteOptions.defaults().withForce(force).withOwner(owner)
        .withNotices(new LogNotices(getLog()));
  }

  /** The spec's and the output's warnings, each logged the same way by every goal. */
  void logWarnings(List<String> warnings) {
    warnings.forEach(warning -> getLog().warn("asg-kms: " + warning));
  }

  /** The core's notices, as warnings: each is something the user should know happened. */
  private static final class LogNotices implements WriteOptions.Notices {
    private final Log log;

    LogNotices(Log log) {
      this.log = log;
    }

    @Override
    public void notice(String line) {
      log.warn("asg-kms: " + line);
    }
  }

  /**
   * The core's request for this configuration; a stamp file only when asked for. The headers'
   * command comes from the project's model, the same for both goals.
   */
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
        RegenerateCommand.of(this, session), accessTables);
  }

  /**
   * One stamp per execution, in the build directory: never in committed output, and never
   * outside the build directory, whatever the execution's id holds.
   */
  private Path stampFile() {
    String execution = mojoExecution == null ? "default" : mojoExecution.getExecutionId();
    return Stamp.fileFor(Path.of(project.getBuild().getDirectory()), execution);
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

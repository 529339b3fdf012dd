package io.github.asgkms.maven;

import java.io.File;
import java.nio.file.Path;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluationException;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluator;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Two {@code generate} executions of one project that write one output directory would each
 * delete the other's files on every build, as stale. That is a configuration error, found
 * from the project's own model before anything is written. (Projects that share a directory
 * are told apart by the manifest's owner instead.)
 */
final class SharedOutputCheck {
  static final String DEFAULT_OUTPUT = "${project.build.directory}/generated-sources/asg-kms";

  private SharedOutputCheck() {}

  /**
   * Fails when another {@code generate} execution of this plugin in this project writes
   * {@code outputDirectory}. An execution from the command line ({@code default-cli}) is not
   * in the model and stands for the bound one, so it is not compared.
   */
  static void refuseSharedOutput(AbstractAsgKmsMojo mojo, MavenSession session)
      throws MojoExecutionException {
    MojoExecution execution = mojo.mojoExecution;
    if (mojo.project == null || execution == null || session == null) {
      return;
    }
    Plugin plugin = mojo.project.getPlugin(execution.getGroupId() + ":"
        + execution.getArtifactId());
    String id = execution.getExecutionId();
    if (plugin == null || !declares(plugin, id)) {
      return;
    }
    Path mine = mojo.outputDirectory.toPath().toAbsolutePath().normalize();
    ExpressionEvaluator evaluator = new PluginParameterExpressionEvaluator(session, execution);
    for (PluginExecution other : plugin.getExecutions()) {
      if (other.getId().equals(id) || !other.getGoals().contains("generate")) {
        continue;
      }
      Path theirs = outputDirectory(other, evaluator, mojo.project.getBasedir());
      if (mine.equals(theirs)) {
        throw new MojoExecutionException("asg-kms: the executions '" + id + "' and '"
            + other.getId() + "' both generate into "
            + AbstractAsgKmsMojo.relative(mojo.project.getBasedir(), mojo.outputDirectory)
            + ", and each would delete the other's files; give each execution its own"
            + " <outputDirectory>. Nothing was written.");
      }
    }
  }

  /**
   * Whether this is a goal run from the command line ({@code default-cli}) that stands in for
   * a {@code generate} execution the project binds to the same output directory: such a run
   * does not see that execution's own {@code <configuration>}, so what it would prune may be
   * that execution's. With no such execution, the command line is the only writer (the
   * committed-output setup), and its configuration is the user's intent.
   */
  static boolean standsInForBoundExecution(AbstractAsgKmsMojo mojo, MavenSession session)
      throws MojoExecutionException {
    MojoExecution execution = mojo.mojoExecution;
    if (mojo.project == null || execution == null || session == null
        || !AbstractAsgKmsMojo.COMMAND_LINE.equals(execution.getExecutionId())) {
      return false;
    }
    Plugin plugin = mojo.project.getPlugin(execution.getGroupId() + ":"
        + execution.getArtifactId());
    if (plugin == null) {
      return false;
    }
    Path mine = mojo.outputDirectory.toPath().toAbsolutePath().normalize();
    ExpressionEvaluator evaluator = new PluginParameterExpressionEvaluator(session, execution);
    for (PluginExecution bound : plugin.getExecutions()) {
      if (bound.getGoals().contains("generate")) {
        Path theirs = outputDirectory(bound, evaluator, mojo.project.getBasedir());
        if (theirs == null || mine.equals(theirs)) {
          return true; // when unknown, the safe side: refuse rather than prune
        }
      }
    }
    return false;
  }

  private static boolean declares(Plugin plugin, String id) {
    for (PluginExecution declared : plugin.getExecutions()) {
      if (declared.getId().equals(id)) {
        return true;
      }
    }
    return false;
  }

  /** Where another execution writes, as Maven would configure it; null if unknown. */
  static Path outputDirectory(PluginExecution execution, ExpressionEvaluator evaluator,
      File basedir) {
    try {
      String raw = null;
      if (execution.getConfiguration() instanceof Xpp3Dom configuration
          && configuration.getChild("outputDirectory") != null) {
        raw = configuration.getChild("outputDirectory").getValue();
      }
      if (raw == null) {
        Object property = evaluator.evaluate("${asgkms.outputDirectory}");
        raw = property == null ? DEFAULT_OUTPUT : property.toString();
      }
      Object value = evaluator.evaluate(raw);
      if (value == null) {
        return null;
      }
      File file = new File(value.toString());
      if (!file.isAbsolute() && basedir != null) {
        file = new File(basedir, file.getPath());
      }
      return file.toPath().toAbsolutePath().normalize();
    } catch (ExpressionEvaluationException e) {
      return null; // Maven itself reports it when that execution runs
    }
  }
}

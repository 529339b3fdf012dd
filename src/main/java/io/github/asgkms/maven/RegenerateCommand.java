package io.github.asgkms.maven;

import io.github.asgkms.render.Renderer;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluator;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The command the generated headers give for regenerating their output, found in the project's
 * model alone: {@code generate} and {@code check} find the same one for the same POM, so check
 * compares against exactly what generate writes. When an execution of this plugin binds
 * {@code generate} to a lifecycle phase for this output directory, a build to that phase
 * regenerates it; otherwise only the goal from the command line does, with the configuration
 * of the running execution ({@code goal@id}) when that execution has one of its own.
 */
final class RegenerateCommand {
  private static final String GOAL = "generate";
  /** The phase {@code generate} binds to when its execution names none. */
  private static final String DEFAULT_PHASE = "generate-sources";
  /**
   * The phases of Maven's clean, default and site lifecycles. An execution bound to anything
   * else ({@code none}, a misspelling, a custom lifecycle) may never run, so its phase is not
   * offered as a command.
   */
  private static final Set<String> LIFECYCLE_PHASES = Set.of(
      "pre-clean", "clean", "post-clean",
      "validate", "initialize", "generate-sources", "process-sources", "generate-resources",
      "process-resources", "compile", "process-classes", "generate-test-sources",
      "process-test-sources", "generate-test-resources", "process-test-resources",
      "test-compile", "process-test-classes", "test", "prepare-package", "package",
      "pre-integration-test", "integration-test", "post-integration-test", "verify", "install",
      "deploy",
      "pre-site", "site", "post-site", "site-deploy");

  private RegenerateCommand() {}

  /** The command for the mojo's output directory, or the core's default outside a build. */
  static String of(AbstractAsgKmsMojo mojo, MavenSession session) {
    MojoExecution execution = mojo.mojoExecution;
    if (mojo.project == null || execution == null || session == null) {
      return Renderer.DEFAULT_REGENERATE_COMMAND;
    }
    String key = execution.getGroupId() + ":" + execution.getArtifactId();
    Plugin plugin = mojo.project.getPlugin(key);
    ExpressionEvaluator evaluator = new PluginParameterExpressionEvaluator(session, execution);
    Path mine = mojo.outputDirectory.toPath().toAbsolutePath().normalize();
    String goal = commandLineGoal(execution, plugin != null || managed(mojo, key));
    PluginExecution running = plugin == null ? null
        : plugin.getExecutionsAsMap().get(execution.getExecutionId());
    if (running != null && hasOwnConfiguration(running, plugin)) {
      goal += "@" + running.getId();
    }
    return choose(plugin == null ? List.of() : plugin.getExecutions(), mine,
        other -> SharedOutputCheck.outputDirectory(other, evaluator, mojo.project.getBasedir()),
        goal);
  }

  /**
   * Whether the execution configures anything the plugin level does not: then a run from the
   * command line, which gets the plugin level only, would write something else. Compared
   * parameter by parameter, as Maven hands each execution the plugin level merged into it.
   */
  static boolean hasOwnConfiguration(PluginExecution execution, Plugin plugin) {
    if (!(execution.getConfiguration() instanceof Xpp3Dom own)) {
      return false;
    }
    Xpp3Dom shared = plugin.getConfiguration() instanceof Xpp3Dom dom ? dom : null;
    for (Xpp3Dom parameter : own.getChildren()) {
      Xpp3Dom same = shared == null ? null : shared.getChild(parameter.getName());
      if (!parameter.equals(same)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code mvn <phase>} for the first execution that binds {@code generate} to a lifecycle
   * phase and writes {@code output}; otherwise {@code mvn <commandLineGoal>}.
   *
   * @param outputOf where an execution writes, as Maven configures it; null if unknown
   */
  static String choose(List<PluginExecution> executions, Path output,
      Function<PluginExecution, Path> outputOf, String commandLineGoal) {
    for (PluginExecution execution : executions) {
      if (!execution.getGoals().contains(GOAL)) {
        continue;
      }
      String phase = execution.getPhase() == null ? DEFAULT_PHASE : execution.getPhase();
      if (LIFECYCLE_PHASES.contains(phase) && output.equals(outputOf.apply(execution))) {
        return "mvn " + phase;
      }
    }
    return "mvn " + commandLineGoal;
  }

  /**
   * {@code prefix:generate} when Maven can resolve the prefix from the POM, which declares the
   * plugin; the full coordinates when it is run without being declared.
   */
  private static String commandLineGoal(MojoExecution execution, boolean declared) {
    MojoDescriptor descriptor = execution.getMojoDescriptor();
    PluginDescriptor plugin = descriptor == null ? null : descriptor.getPluginDescriptor();
    if (declared && plugin != null && plugin.getGoalPrefix() != null) {
      return plugin.getGoalPrefix() + ":" + GOAL;
    }
    return execution.getGroupId() + ":" + execution.getArtifactId() + ":"
        + execution.getVersion() + ":" + GOAL;
  }

  private static boolean managed(AbstractAsgKmsMojo mojo, String key) {
    return mojo.project.getPluginManagement() != null
        && mojo.project.getPluginManagement().getPluginsAsMap().containsKey(key);
  }
}

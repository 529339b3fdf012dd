package io.github.asgkms.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

/** The header's command follows the POM's bindings of generate for this output directory. */
class RegenerateCommandTest {
  private static final Path MINE = Path.of("/project/generated");
  private static final Path OTHER = Path.of("/project/target/generated-sources/asg-kms");
  private static final String GOAL = "asg-kms:generate";

  private static PluginExecution execution(String id, String phase, String... goals) {
    PluginExecution execution = new PluginExecution();
    execution.setId(id);
    execution.setPhase(phase);
    execution.setGoals(List.of(goals));
    return execution;
  }

  private static String choose(Map<String, Path> outputs, PluginExecution... executions) {
    Function<PluginExecution, Path> outputOf = execution -> outputs.get(execution.getId());
    return RegenerateCommand.choose(List.of(executions), MINE, outputOf, GOAL);
  }

  @Test
  void generateBoundWithoutAPhaseRunsAtItsDefaultPhase() {
    assertThat(choose(Map.of("default", MINE), execution("default", null, "generate")))
        .isEqualTo("mvn generate-sources");
  }

  @Test
  void generateBoundToAnotherPhaseGivesThatPhase() {
    assertThat(choose(Map.of("gen", MINE), execution("gen", "process-resources", "generate")))
        .isEqualTo("mvn process-resources");
  }

  @Test
  void onlyCheckBoundGivesTheGoalFromTheCommandLine() {
    assertThat(choose(Map.of("default", MINE), execution("default", null, "check")))
        .isEqualTo("mvn asg-kms:generate");
    assertThat(choose(Map.of())).isEqualTo("mvn asg-kms:generate");
  }

  @Test
  void generateBoundForAnotherOutputDirectoryDoesNotRegenerateThisOne() {
    assertThat(choose(Map.of("gen", OTHER, "check", MINE),
        execution("gen", null, "generate"), execution("check", null, "check")))
        .isEqualTo("mvn asg-kms:generate");
  }

  @Test
  void aPhaseNoLifecycleRunsIsNotOffered() {
    assertThat(choose(Map.of("off", MINE), execution("off", "none", "generate")))
        .isEqualTo("mvn asg-kms:generate");
    assertThat(choose(Map.of("typo", MINE), execution("typo", "generate-source", "generate")))
        .isEqualTo("mvn asg-kms:generate");
  }

  @Test
  void anOutputDirectoryMavenCannotEvaluateMatchesNothing() {
    assertThat(choose(Map.of(), execution("gen", null, "generate")))
        .isEqualTo("mvn asg-kms:generate");
  }

  @Test
  void theFirstMatchingBindingInDeclarationOrderWins() {
    assertThat(choose(Map.of("other", OTHER, "late", MINE, "later", MINE),
        execution("other", "initialize", "generate"), execution("late", "compile", "generate"),
        execution("later", "generate-sources", "generate")))
        .isEqualTo("mvn compile");
  }

  private static Xpp3Dom configuration(String... namesAndValues) {
    Xpp3Dom configuration = new Xpp3Dom("configuration");
    for (int i = 0; i < namesAndValues.length; i += 2) {
      Xpp3Dom parameter = new Xpp3Dom(namesAndValues[i]);
      parameter.setValue(namesAndValues[i + 1]);
      configuration.addChild(parameter);
    }
    return configuration;
  }

  @Test
  void anExecutionHasConfigurationOfItsOwnOnlyBeyondThePluginLevel() {
    Plugin plugin = new Plugin();
    plugin.setConfiguration(configuration("formats", "terraform,json"));
    PluginExecution check = execution("default", null, "check");

    assertThat(RegenerateCommand.hasOwnConfiguration(check, plugin)).isFalse();
    // What Maven hands the mojo: the plugin level merged into the execution.
    check.setConfiguration(configuration("formats", "terraform,json"));
    assertThat(RegenerateCommand.hasOwnConfiguration(check, plugin)).isFalse();

    check.setConfiguration(configuration("formats", "terraform,json",
        "outputDirectory", "${project.basedir}/src/test/asg-kms/expected"));
    assertThat(RegenerateCommand.hasOwnConfiguration(check, plugin)).isTrue();
    check.setConfiguration(configuration("formats", "json"));
    assertThat(RegenerateCommand.hasOwnConfiguration(check, plugin)).isTrue();
    plugin.setConfiguration(null);
    assertThat(RegenerateCommand.hasOwnConfiguration(check, plugin)).isTrue();
  }
}

package io.github.asgkms.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.maven.model.PluginExecution;
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
}

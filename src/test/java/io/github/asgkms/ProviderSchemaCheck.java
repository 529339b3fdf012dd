package io.github.asgkms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Node checker that {@code mvn verify} installs from {@code src/test/provider-schema}'s
 * lockfile: Terraform files against the schema of hashicorp/aws, as {@code @cdktf/provider-aws}
 * ships it. Each folder of {@code .tf} files is checked as one module, so any test can check a
 * folder of Terraform the way the golden output is checked:
 *
 * <pre>{@code
 * ProviderSchemaCheck.Result result = ProviderSchemaCheck.run(List.of(folder));
 * assertThat(result.problems()).isEmpty();
 * }</pre>
 */
public final class ProviderSchemaCheck {
  /** The exit code and everything the checker printed. */
  public record Result(int exitCode, String output) {
    /** One line per problem: every line but the closing summary. */
    public List<String> problems() {
      List<String> lines = output.lines().toList();
      return lines.isEmpty() ? lines : lines.subList(0, lines.size() - 1);
    }

    /** The closing summary, such as {@code provider-schema: 9 files in 4 modules match ...}. */
    public String summary() {
      List<String> lines = output.lines().toList();
      return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
  }

  private ProviderSchemaCheck() {}

  /** Checks the given folders and files; options such as {@code --describe} come first. */
  public static Result run(List<Path> paths, String... options) throws Exception {
    String script = System.getProperty(
        "providerSchema.script", "target/provider-schema/check-provider-schema.mjs");
    assertThat(Path.of(script)).as("the provider schema checker, installed by mvn's npm ci step")
        .exists();
    List<String> command = new ArrayList<>(List.of("node", script));
    command.addAll(List.of(options));
    if (options.length == 0) command.add("--"); // a path is never read as an option
    paths.forEach(p -> command.add(p.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    // Reading the provider package's 130 MB assembly takes seconds on a busy machine.
    assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), output);
  }
}

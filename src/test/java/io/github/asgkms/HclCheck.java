package io.github.asgkms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Node checker that {@code mvn verify} installs from its lockfile: HashiCorp's HCL
 * parser and hclwrite's formatter, as WASM builds.
 */
public final class HclCheck {
  /** The exit code and everything the checker printed. */
  public record Result(int exitCode, String output) {}

  private HclCheck() {}

  public static Result run(List<Path> paths, String... options) throws Exception {
    String script = System.getProperty("hclCheck.script", "target/hcl-check/check-hcl.mjs");
    assertThat(Path.of(script)).as("the HCL checker, installed by mvn's npm ci step").exists();
    List<String> command = new ArrayList<>(List.of("node", script));
    command.addAll(List.of(options));
    paths.forEach(p -> command.add(p.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), output);
  }
}

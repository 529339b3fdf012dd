package io.github.asgkms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs the Python tests of the grant function ({@code src/test/python}) with python3. They read
 * the function out of a golden stack's {@code ZipFile}, which {@link CloudFormationOutputTest}
 * shows is the shipped source, byte for byte, in every stack.
 */
class GrantFunctionPythonTest {
  static final Path STACK = GoldenTest.GOLDEN.resolve("cloudformation-new-account/expected/"
      + "cloudformation/account-111122223333/auto-scaling-account-stack.yaml");

  @Test
  void theGrantFunctionPassesItsPythonTests() throws Exception {
    ProcessBuilder builder = new ProcessBuilder("python3", "-B", "-m", "unittest", "discover",
        "-b", "-v", "-s", "src/test/python", "-p", "test_*.py").redirectErrorStream(true);
    builder.environment().put("GRANT_FUNCTION_STACK", STACK.toString());
    // No __pycache__ in the source tree.
    builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).as(output).isZero();
    Matcher ran = Pattern.compile("(?m)^Ran (\\d+) tests? in ").matcher(output);
    assertThat(ran.find()).as(output).isTrue();
    assertThat(Integer.parseInt(ran.group(1))).as("tests run").isGreaterThanOrEqualTo(26);
    assertThat(output).as(output).containsPattern("(?m)^OK$");
  }
}

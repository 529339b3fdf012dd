package io.github.asgkms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code src/test/python/boto3_grant_function.py}: the grant function of every golden
 * stack, with the real boto3 and botocore of Debian's {@code /usr/bin/python3}, against the
 * local KMS stub, through each request sequence CloudFormation sends a custom resource.
 */
class GrantFunctionBoto3Test {
  @TempDir Path home;

  @Test
  void theGrantFunctionWorksWithTheRealBoto3InEveryCloudFormationSequence() throws Exception {
    RealClients.requireBoto3();
    ProcessBuilder builder = new ProcessBuilder(RealClients.PYTHON.toString(), "-B", "-m",
        "unittest", "discover", "-b", "-v", "-s", "src/test/python", "-p", "boto3_*.py")
        .redirectErrorStream(true);
    // Nothing of this machine's AWS settings; the test sets the Lambda environment itself.
    Map<String, String> env = builder.environment();
    env.clear();
    env.put("PATH", "/usr/bin:/bin");
    env.put("HOME", Files.createDirectories(home).toString());
    env.put("LANG", "C.UTF-8");
    env.put("PYTHONDONTWRITEBYTECODE", "1");
    // The response server comes from test_grant_function, which reads this stack on import.
    env.put("GRANT_FUNCTION_STACK", GrantFunctionPythonTest.STACK.toString());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).as(output).isZero();
    Matcher ran = Pattern.compile("(?m)^Ran (\\d+) tests? in ").matcher(output);
    assertThat(ran.find()).as(output).isTrue();
    assertThat(Integer.parseInt(ran.group(1))).as("tests run").isGreaterThanOrEqualTo(9);
    assertThat(output).as(output).containsPattern("(?m)^OK$");
  }
}

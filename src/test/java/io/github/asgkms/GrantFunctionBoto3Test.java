package io.github.asgkms;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code src/test/python/boto3_grant_function.py}: the grant function of every golden
 * case's stack, rendered whether the case declares CloudFormation or not ({@link
 * GoldenCases#everyFormat()}), with the real boto3 and botocore of Debian's {@code
 * /usr/bin/python3}, against the local KMS stub, through each request sequence CloudFormation
 * sends a custom resource.
 */
class GrantFunctionBoto3Test {
  @TempDir Path home;

  @Test
  void theGrantFunctionWorksWithTheRealBoto3InEveryCloudFormationSequence() throws Exception {
    RealClients.requireBoto3();
    ProcessBuilder builder =
        PythonUnittest.discover(RealClients.PYTHON.toString(), "boto3_*.py");
    // Nothing of this machine's AWS settings; the test sets the Lambda environment itself.
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> !name.equals("PYTHONDONTWRITEBYTECODE"));
    env.put("PATH", "/usr/bin:/bin");
    env.put("HOME", Files.createDirectories(home).toString());
    env.put("LANG", "C.UTF-8");
    // The response server comes from test_grant_function, which reads this stack on import.
    env.put("GRANT_FUNCTION_STACK", GrantFunctionPythonTest.STACK.toString());
    env.put("GOLDEN_CASES", GoldenCases.everyFormat().toAbsolutePath().toString());
    PythonUnittest.assertPasses(builder, 9);
  }
}

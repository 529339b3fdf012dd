package io.github.asgkms;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Runs the Python tests of the grant function ({@code src/test/python}) with python3. They read
 * the function out of a golden stack's {@code ZipFile}, which {@link CloudFormationOutputTest}
 * shows is the shipped source, byte for byte, in every stack.
 */
class GrantFunctionPythonTest {
  static final Path STACK = GoldenCases.ROOT.resolve("cloudformation-new-account/expected/"
      + "cloudformation/account-111122223333/auto-scaling-account-stack.yaml");

  @Test
  void theGrantFunctionPassesItsPythonTests() throws Exception {
    ProcessBuilder builder = PythonUnittest.discover("python3", "test_*.py");
    builder.environment().put("GRANT_FUNCTION_STACK", STACK.toString());
    PythonUnittest.assertPasses(builder, 26);
  }
}

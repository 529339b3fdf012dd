package io.github.asgkms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Python's unittest over {@code src/test/python}, for the JUnit tests that run it. */
final class PythonUnittest {
  private PythonUnittest() {}

  /** Discovery of the modules matching {@code pattern}, output buffered unless a test fails. */
  static ProcessBuilder discover(String python, String pattern) {
    ProcessBuilder builder = new ProcessBuilder(python, "-B", "-m", "unittest", "discover",
        "-b", "-v", "-s", "src/test/python", "-p", pattern);
    // No __pycache__ in the source tree.
    builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
    return builder;
  }

  /** Runs it and fails with its output unless at least {@code minimum} tests ran, all passing. */
  static void assertPasses(ProcessBuilder builder, int minimum) throws Exception {
    Process process = builder.redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).as(output).isZero();
    Matcher ran = Pattern.compile("(?m)^Ran (\\d+) tests? in ").matcher(output);
    assertThat(ran.find()).as(output).isTrue();
    assertThat(Integer.parseInt(ran.group(1))).as("tests run").isGreaterThanOrEqualTo(minimum);
    assertThat(output).as(output).containsPattern("(?m)^OK$");
  }
}

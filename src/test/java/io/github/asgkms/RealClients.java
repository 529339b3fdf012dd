package io.github.asgkms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The real AWS clients the tests run, from Debian ({@code awscli}, {@code python3-boto3}), at
 * their Debian paths: the first {@code python3} and {@code aws} on PATH may be others without
 * boto3. A missing client fails the test that needs it, naming the package to install, so that
 * CI cannot pass by running nothing.
 */
final class RealClients {
  static final Path AWS_CLI = Path.of("/usr/bin/aws");
  static final Path PYTHON = Path.of("/usr/bin/python3");

  private RealClients() {}

  static void requireAwsCli() {
    assertThat(Files.isExecutable(AWS_CLI))
        .as("%s is missing: apt-get install awscli (.ci/run does)", AWS_CLI).isTrue();
  }

  static void requireBoto3() throws Exception {
    assertThat(Files.isExecutable(PYTHON))
        .as("%s is missing: apt-get install python3 (.ci/run does)", PYTHON).isTrue();
    Process process = new ProcessBuilder(PYTHON.toString(), "-c", "import boto3, botocore")
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue())
        .as("boto3 is missing from %s: apt-get install python3-boto3 (.ci/run does)%n%s",
            PYTHON, output)
        .isZero();
  }
}

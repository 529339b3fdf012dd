package io.github.asgkms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated create-grants.sh runs under a real POSIX shell, against a stand-in for the AWS
 * CLI that records its arguments: it refuses the wrong account, and passes each argument whole.
 */
class ShellScriptTest {
  private static final Path SCRIPT = GoldenTest.GOLDEN.resolve(
      "article-cross-account/expected/json/account-111122223333/create-grants.sh");

  @TempDir Path temp;

  @Test
  void everyGeneratedScriptIsValidShell() throws Exception {
    List<Path> scripts;
    try (Stream<Path> files = Files.walk(GoldenTest.GOLDEN)) {
      scripts = files.filter(p -> p.toString().endsWith(".sh")).sorted().toList();
    }
    assertThat(scripts).isNotEmpty();
    for (Path script : scripts) {
      assertThat(run(new ProcessBuilder("sh", "-n", script.toString())).exitCode).as(script.toString()).isZero();
    }
  }

  @Test
  void createsTheArticlesGrantFromTheAutoScalingAccount() throws Exception {
    Result result = runWithStubCli("111122223333");
    assertThat(result.exitCode).as(result.output).isZero();
    assertThat(Files.readAllLines(temp.resolve("calls"))).containsExactly(
        "sts|get-caller-identity|--query|Account|--output|text|",
        "kms|create-grant"
            + "|--key-id|arn:aws:kms:us-west-2:444455556666:key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4d"
            + "|--grantee-principal|arn:aws:iam::111122223333:role/aws-service-role/"
            + "autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling"
            + "|--operations|Decrypt|GenerateDataKeyWithoutPlaintext|ReEncryptFrom|ReEncryptTo"
            + "|CreateGrant|--name|asg-ebs|--region|us-west-2|");
  }

  @Test
  void refusesCredentialsOfTheKeyAccount() throws Exception {
    Result result = runWithStubCli("444455556666");
    assertThat(result.exitCode).isEqualTo(1);
    assertThat(result.output).contains("create-grants.sh: these credentials are of account"
        + " 444455556666; run it with credentials of account 111122223333, which owns the Auto"
        + " Scaling groups");
    assertThat(Files.readAllLines(temp.resolve("calls")))
        .containsExactly("sts|get-caller-identity|--query|Account|--output|text|");
  }

  private Result runWithStubCli(String callerAccount) throws Exception {
    Path bin = Files.createDirectories(temp.resolve("bin"));
    Path aws = bin.resolve("aws");
    Files.writeString(aws, "#!/bin/sh\n"
        + "for arg in \"$@\"; do printf '%s|' \"$arg\"; done >> \"$CALLS\"\n"
        + "echo >> \"$CALLS\"\n"
        + "if [ \"$1\" = sts ]; then echo " + callerAccount + "; fi\n");
    Files.setPosixFilePermissions(aws, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createFile(temp.resolve("calls"));
    ProcessBuilder builder = new ProcessBuilder("sh", SCRIPT.toAbsolutePath().toString());
    builder.environment().put("PATH", bin + ":/usr/bin:/bin");
    builder.environment().put("CALLS", temp.resolve("calls").toString());
    return run(builder);
  }

  private record Result(int exitCode, String output) {}


  private static Result run(ProcessBuilder builder) throws Exception {
    Process process = builder.redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), output);
  }
}

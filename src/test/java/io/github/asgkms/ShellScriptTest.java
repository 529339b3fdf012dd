package io.github.asgkms;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asgkms.aws.Partition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The generated create-grants.sh runs under a real POSIX shell, against a stand-in for the AWS
 * CLI that records its arguments: it refuses the wrong account, names a Region of the spec's
 * partition in every call, and passes each argument whole.
 */
class ShellScriptTest {
  private static final Path SCRIPT = script("cli-manager");

  private static Path script(String goldenCase) {
    return GoldenCases.ROOT.resolve(goldenCase
        + "/expected/json/account-111122223333/create-grants.sh");
  }

  @TempDir Path temp;

  /** Every case's scripts, the cases that do not declare the JSON format included. */
  @Test
  void everyGeneratedScriptIsValidShell() throws Exception {
    List<Path> scripts;
    try (Stream<Path> files = Files.walk(GoldenCases.everyFormat())) {
      scripts = files.filter(p -> p.toString().endsWith(".sh")).sorted().toList();
    }
    assertThat(scripts).isNotEmpty();
    for (Path script : scripts) {
      assertThat(run(new ProcessBuilder("sh", "-n", script.toString())).exitCode).as(script.toString()).isZero();
    }
  }

  @Test
  void createsTheGrantsFromTheAutoScalingAccountWithTheCreatorAsRetiringPrincipal()
      throws Exception {
    Result result = runWithStubCli(SCRIPT, "111122223333");
    assertThat(result.exitCode).as(result.output).isZero();
    String grantee = "|--grantee-principal|arn:aws:iam::111122223333:role/aws-service-role/"
        + "autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling";
    String operations =
        "|--operations|Decrypt|GenerateDataKeyWithoutPlaintext|ReEncryptFrom|ReEncryptTo|CreateGrant";
    String retiring = "|--retiring-principal|arn:aws:iam::111122223333:role/deployer";
    assertThat(Files.readAllLines(temp.resolve("calls"))).containsExactly(
        "sts|get-caller-identity|--region|us-west-2|--query|Account|--output|text|",
        "kms|create-grant"
            + "|--key-id|arn:aws:kms:us-west-2:444455556666:key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4d"
            + grantee + operations + "|--name|asg-ebs" + retiring + "|--region|us-west-2|",
        "kms|create-grant"
            + "|--key-id|arn:aws:kms:eu-west-1:777788889999:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"
            + grantee + operations + "|--name|asg-shared-ami" + retiring
            + "|--region|eu-west-1|");
  }

  /**
   * With no Region configured, the CLI sends STS to the global endpoint of the aws partition,
   * where credentials of aws-cn and aws-us-gov are not valid: every call names a Region of the
   * spec's own partition.
   */
  @ParameterizedTest
  @CsvSource({"cli-aws-cn, aws-cn, cn-north-1", "cli-aws-us-gov, aws-us-gov, us-gov-east-1",
      "cli-manager, aws, us-west-2"})
  void everyCallNamesARegionOfTheSpecsPartition(String goldenCase, String partition,
      String firstGrantRegion) throws Exception {
    Result result = runWithStubCli(script(goldenCase), "111122223333");
    assertThat(result.exitCode).as(result.output).isZero();
    List<String> calls = Files.readAllLines(temp.resolve("calls"));
    assertThat(calls).hasSizeGreaterThan(1);
    assertThat(calls.get(0)).startsWith("sts|get-caller-identity|--region|" + firstGrantRegion
        + "|");
    for (String call : calls) {
      List<String> arguments = List.of(call.split("\\|"));
      int region = arguments.indexOf("--region");
      assertThat(region).as(call).isPositive();
      assertThat(Partition.fromId(partition).orElseThrow().containsRegion(
          arguments.get(region + 1))).as(call).isTrue();
    }
  }

  @Test
  void refusesCredentialsOfTheKeyAccount() throws Exception {
    Result result = runWithStubCli(SCRIPT, "444455556666");
    assertThat(result.exitCode).isEqualTo(1);
    assertThat(result.output).contains("create-grants.sh: these credentials are of account"
        + " 444455556666; run it with credentials of account 111122223333, which owns the Auto"
        + " Scaling groups");
    assertThat(Files.readAllLines(temp.resolve("calls")))
        .containsExactly("sts|get-caller-identity|--region|us-west-2|--query|Account|--output|text|");
  }

  private Result runWithStubCli(Path script, String callerAccount) throws Exception {
    Path bin = Files.createDirectories(temp.resolve("bin"));
    Path aws = bin.resolve("aws");
    Files.writeString(aws, "#!/bin/sh\n"
        + "for arg in \"$@\"; do printf '%s|' \"$arg\"; done >> \"$CALLS\"\n"
        + "echo >> \"$CALLS\"\n"
        + "if [ \"$1\" = sts ]; then echo " + callerAccount + "; fi\n");
    Files.setPosixFilePermissions(aws, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createFile(temp.resolve("calls"));
    ProcessBuilder builder = new ProcessBuilder("sh", script.toAbsolutePath().toString());
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

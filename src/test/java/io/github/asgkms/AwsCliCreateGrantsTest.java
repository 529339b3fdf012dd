package io.github.asgkms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.asgkms.aws.KmsKeyArn;
import io.github.asgkms.plan.GrantPlan;
import io.github.asgkms.plan.Plan;
import io.github.asgkms.plan.Planner;
import io.github.asgkms.spec.SpecReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each golden case's {@code create-grants.sh}, rendered whether the case declares the JSON
 * format or not ({@link GoldenCases#everyFormat()}), run by the real AWS CLI (Debian's {@code
 * awscli}) against {@code kms_stub.py}, as a user would run it: a clean HOME, credentials in the
 * environment and no Region configured anywhere. The CLI validates each call against its service model and
 * signs it; the stub checks the signature and records what was sent. This CLI version has no
 * endpoint setting in the environment, so a wrapper named {@code aws}, first on PATH, adds
 * {@code --endpoint-url} and nothing else.
 *
 * <p>With no Region, the CLI sends {@code sts get-caller-identity} to the commercial global
 * endpoint, which aws-cn and aws-us-gov credentials do not reach; with {@code --endpoint-url}
 * and no Region it refuses the call. Either way the script must name a Region of the spec's
 * partition, and the stub, like STS, refuses credentials signed for another partition.
 */
class AwsCliCreateGrantsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCRIPT = "create-grants.sh";

  @TempDir Path temp;

  @BeforeAll
  static void theRealCliIsInstalled() {
    RealClients.requireAwsCli();
  }

  static Stream<Path> scripts() throws Exception {
    try (Stream<Path> files = Files.walk(GoldenCases.everyFormat())) {
      List<Path> scripts = files.filter(p -> p.getFileName().toString().equals(SCRIPT))
          .sorted().toList();
      assertThat(scripts).as("golden create-grants.sh files").isNotEmpty();
      return scripts.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void createsEachGrantOnceInItsKeysRegionAfterAskingStsInThePartition(Path script)
      throws Exception {
    Case golden = Case.of(script);
    try (AwsStubProcess stub = golden.stub()) {
      Run run = succeeded(run(script, stub, golden.autoScalingCaller()));

      List<JsonNode> requests = stub.requests();
      assertThat(requests).as("requests: %s%n%s", requests, run.output)
          .hasSize(1 + golden.plan.grants().size());
      assertCallerIdentityInThePartition(golden, requests.get(0));
      for (int i = 0; i < golden.plan.grants().size(); i++) {
        assertCreateGrant(golden.plan.grants().get(i), requests.get(i + 1));
      }
      List<JsonNode> grants = stub.grants();
      assertThat(grants).hasSize(golden.plan.grants().size());

      // Run again: each grant is named, so KMS answers an identical request with the
      // existing grant, and nothing is duplicated.
      succeeded(run(script, stub, golden.autoScalingCaller()));
      assertThat(stub.grants()).isEqualTo(grants);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void whoRanItRetiresEachGrantAsItsRetiringPrincipal(Path script) throws Exception {
    Case golden = Case.of(script);
    try (AwsStubProcess stub = golden.stub()) {
      succeeded(run(script, stub, golden.autoScalingCaller()));

      for (JsonNode grant : stub.grants()) {
        String keyArn = grant.path("KeyId").asText();
        // As the README says to, with aws found on PATH as a user's shell finds it.
        succeeded(run(stub, golden.autoScalingCaller(), "sh", "-c", "exec aws \"$@\"", "aws",
            "kms", "retire-grant", "--key-id", keyArn, "--grant-id",
            grant.path("GrantId").asText(), "--region",
            KmsKeyArn.parse(keyArn).orElseThrow().region()));
        List<JsonNode> requests = stub.requests();
        // Not the backup that lets the account that created a grant retire it.
        assertThat(requests.get(requests.size() - 1).path("allowedAs").asText())
            .isEqualTo("RetiringPrincipal");
      }
      assertThat(stub.grants()).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void refusesCredentialsOfAnotherAccountAndCreatesNothing(Path script) throws Exception {
    Case golden = Case.of(script);
    try (AwsStubProcess stub = golden.stub()) {
      Run run = run(script, stub, golden.keyAccountCaller());

      assertThat(run.exitCode).as(run.output).isEqualTo(1);
      assertThat(run.output).contains("create-grants.sh: these credentials are of account "
          + golden.keyAccount() + "; run it with credentials of account "
          + golden.plan.autoScalingAccountId() + ", which owns the Auto Scaling groups");
      List<JsonNode> requests = stub.requests();
      assertThat(requests).as("requests").hasSize(1);
      assertCallerIdentityInThePartition(golden, requests.get(0));
      assertThat(requests.get(0).path("caller").asText()).isEqualTo(golden.keyAccountCaller().arn());
      assertThat(stub.grants()).isEmpty();
    }
  }

  private static void assertCallerIdentityInThePartition(Case golden, JsonNode request) {
    assertThat(request.path("service").asText()).isEqualTo("sts");
    assertThat(request.path("operation").asText()).isEqualTo("GetCallerIdentity");
    assertThat(request.path("error").isNull()).as("error %s", request.path("error")).isTrue();
    String region = request.path("region").asText();
    assertThat(golden.plan.partition().containsRegion(region))
        .as("STS signed for %s, a Region of partition %s", region, golden.plan.partition())
        .isTrue();
  }

  private static void assertCreateGrant(GrantPlan grant, JsonNode request) {
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("KeyId", grant.keyArn());
    expected.put("GranteePrincipal", grant.granteePrincipal());
    expected.put("Operations", grant.operations());
    expected.put("Name", grant.name());
    expected.put("RetiringPrincipal", grant.retiringPrincipal());
    assertThat(request.path("service").asText()).isEqualTo("kms");
    assertThat(request.path("operation").asText()).isEqualTo("CreateGrant");
    assertThat(JSON.convertValue(request.path("params"), Map.class))
        .as("CreateGrant parameters").isEqualTo(expected);
    // KMS serves a key only in its own Region.
    assertThat(request.path("region").asText()).as("CreateGrant's signing Region")
        .isEqualTo(KmsKeyArn.parse(grant.keyArn()).orElseThrow().region());
    assertThat(request.path("error").isNull()).as("error %s", request.path("error")).isTrue();
  }

  private Run run(Path script, AwsStubProcess stub, AwsStubProcess.Credentials caller)
      throws Exception {
    return run(stub, caller, "sh", script.toAbsolutePath().toString());
  }

  /** A command as a user runs it: the real CLI first on PATH, and nothing configured. */
  private Run run(AwsStubProcess stub, AwsStubProcess.Credentials caller, String... command)
      throws Exception {
    Path bin = Files.createDirectories(temp.resolve("bin"));
    Path aws = bin.resolve("aws");
    Files.writeString(aws, "#!/bin/sh\nexec " + RealClients.AWS_CLI + " --endpoint-url "
        + stub.url() + " \"$@\"\n");
    Files.setPosixFilePermissions(aws, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path home = Files.createDirectories(temp.resolve("home"));

    ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
        .redirectErrorStream(true);
    // Nothing of this machine's environment: no Region, no profile, no config file.
    Map<String, String> env = builder.environment();
    env.clear();
    env.put("PATH", bin + ":/usr/bin:/bin");
    env.put("HOME", home.toString());
    env.put("LANG", "C.UTF-8");
    env.put("AWS_ACCESS_KEY_ID", caller.accessKey());
    env.put("AWS_SECRET_ACCESS_KEY", caller.secretKey());
    // The CLI would otherwise ask the EC2 instance metadata service for a Region.
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), output);
  }

  private record Run(int exitCode, String output) {}

  private static Run succeeded(Run run) {
    assertThat(run.exitCode).as(run.output).isZero();
    return run;
  }

  /** A golden case's plan, and credentials of its two sides. */
  private record Case(Plan plan) {
    static Case of(Path script) throws Exception {
      Path caseDir = script;
      while (!caseDir.getParent().equals(GoldenCases.everyFormat())) {
        caseDir = caseDir.getParent();
      }
      return new Case(Planner.plan(SpecReader.read(caseDir.resolve("spec.yaml"), "spec.yaml"),
          "spec.yaml"));
    }

    String keyAccount() {
      return KmsKeyArn.parse(plan.grants().get(0).keyArn()).orElseThrow().accountId();
    }

    /** The grant creator: a session of its role, or a user of the Auto Scaling account. */
    AwsStubProcess.Credentials autoScalingCaller() {
      String partition = plan.partition().id();
      String account = plan.autoScalingAccountId();
      String creator = plan.grantCreatorArn();
      String arn = creator.endsWith(":root")
          ? "arn:" + partition + ":iam::" + account + ":user/deployer"
          : "arn:" + partition + ":sts::" + account + ":assumed-role/"
              + creator.substring(creator.lastIndexOf('/') + 1) + "/create-grants";
      return new AwsStubProcess.Credentials("AKIASTUBAUTOSCALING", "auto-scaling-secret", arn);
    }

    AwsStubProcess.Credentials keyAccountCaller() {
      return new AwsStubProcess.Credentials("AKIASTUBKEYACCOUNT", "key-account-secret",
          "arn:" + plan.partition().id() + ":iam::" + keyAccount() + ":user/key-admin");
    }

    AwsStubProcess stub() throws Exception {
      return AwsStubProcess.start(List.of(autoScalingCaller(), keyAccountCaller()));
    }
  }
}

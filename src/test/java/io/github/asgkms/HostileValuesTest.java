package io.github.asgkms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.asgkms.aws.GrantManager;
import io.github.asgkms.aws.Partition;
import io.github.asgkms.output.GeneratedFile;
import io.github.asgkms.plan.AccountPlan;
import io.github.asgkms.plan.GrantPlan;
import io.github.asgkms.plan.IamPolicyPlan;
import io.github.asgkms.plan.KeyPlan;
import io.github.asgkms.plan.Plan;
import io.github.asgkms.plan.ServiceLinkedRolePlan;
import io.github.asgkms.plan.PolicyStatement;
import io.github.asgkms.render.Format;
import io.github.asgkms.render.Renderer;
import io.github.asgkms.render.TemplateEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Escaping that no value can defeat. Validation never lets these values through, so the plan
 * is built by hand: every string in it carries quotes, backslashes, HCL interpolations and
 * directives, line breaks, control characters, shell syntax and non-ASCII text. The output
 * must still parse with the real tools, and every value must come back intact.
 */
class HostileValuesTest {
  static final String HOSTILE = "\"q\" \\b ${file(\"/etc/passwd\")} %{ if true }x%{ endif }"
      + " $${x} %%{y} '\n\r\t\u0001\u007f é 😀 \u2028 ; $(id) `id` # */ -->";
  private static final String ACCOUNT = "1111" + HOSTILE;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path temp;
  static Map<String, String> files;

  static String h(String field) {
    return field + HOSTILE;
  }

  /**
   * Every string of the plan hostile, each named by its record component ({@code sid},
   * {@code granteePrincipal}); only what ties the plan together, and what the assertions must
   * tell apart, is given.
   */
  static Plan hostilePlan(GrantManager manager) {
    PolicyStatement statement = HostileRecords.build(PolicyStatement.class);
    PolicyStatement iamStatement = HostileRecords.build(PolicyStatement.class,
        "sid", h("iam-sid"), "principals", List.of(), "resources", List.of(h("iam-resource")),
        "conditions", List.of());
    KeyPlan key = HostileRecords.build(KeyPlan.class, "accountId", ACCOUNT,
        "statements", List.of(statement), "completePolicy", false);
    GrantPlan grant = HostileRecords.build(GrantPlan.class, "keyName", key.name(),
        "name", h("grant"), "operations", List.of(h("op1"), h("op2")),
        "creatorPolicyIndexes", List.of(0), "launcher", "autoscaling");
    IamPolicyPlan policy = HostileRecords.build(IamPolicyPlan.class, "name", h("policy"),
        "statements", List.of(iamStatement));
    // One policy list serves each manager's creator; with a role, the stack attaches it too.
    AccountPlan account = HostileRecords.build(AccountPlan.class, "accountId", ACCOUNT,
        "keys", List.of(key), "grants", List.of(grant), "createGrantPolicies", List.of(policy));
    return HostileRecords.build(Plan.class, "partition", Partition.AWS,
        "autoScalingAccountId", ACCOUNT, "grantManager", manager, "accounts", List.of(account),
        "keys", List.of(key), "warnings", List.of(), "managedServiceLinkedRoles",
        List.of(HostileRecords.build(ServiceLinkedRolePlan.class, "launcher", "autoscaling")));
  }

  @BeforeAll
  static void render() throws Exception {
    files = new TreeMap<>();
    // Each manager's own artifact comes from a plan that names it; every other file is the
    // same whichever manager the plan names.
    List<GeneratedFile> rendered = new ArrayList<>();
    Renderer renderer = new Renderer(new TemplateEngine(null));
    for (GrantManager manager : GrantManager.values()) {
      rendered.addAll(renderer.render(hostilePlan(manager), EnumSet.of(Format.managing(manager)),
          h("command")));
    }
    for (GeneratedFile file : rendered) {
      // The paths hold hostile text too (the output directory would refuse them): name the
      // files by what they are.
      String path = file.path();
      String kind = path.startsWith("terraform/") ? "tf-"
          : path.startsWith("json/") ? "json-" : "cfn-";
      String name = kind + (path.endsWith("versions.tf") ? "versions.tf"
          : path.endsWith("service-linked-role.tf") ? "service-linked-role.tf"
          : path.endsWith("auto-scaling-account-stack.yaml") ? "stack.yaml"
          : path.endsWith(".yaml") ? "key-policy.yaml"
          : path.endsWith("create-grant-policy.tf") ? "create-grant-policy.tf"
          : path.endsWith("create-grant-policy.json") ? "create-grant-policy.json"
          : path.endsWith("create-grants.sh") ? "create-grants.sh"
          : path.endsWith("import-service-linked-roles.tf") ? "import-service-linked-roles.tf"
          : path.endsWith("launcher-role-policy.tf") ? "launcher-role-policy.tf"
          : path.contains("/launcher-role-policy-") ? "launcher-role-policy.json"
          : path.contains("/grant-") ? "grant.tf"
          : path.endsWith(".tf") ? "key-policy.tf" : "key-policy.json");
      files.put(name, file.text());
    }
  }

  /** What hcl2json gives back for a string: escapes decoded, template escapes kept doubled. */
  private static String asHclReadsIt(String value) {
    return value.replace("${", "$${").replace("%{", "%%{");
  }

  @Test
  void terraformParsesAndEveryValueComesBack() throws Exception {
    Path dir = Files.createDirectories(temp.resolve("tf"));
    List<Path> tfFiles = new ArrayList<>();
    for (Map.Entry<String, String> file : files.entrySet()) {
      if (file.getKey().startsWith("tf-")) {
        tfFiles.add(Files.writeString(dir.resolve(file.getKey().substring(3)), file.getValue()));
      }
    }
    assertThat(tfFiles).hasSize(7);
    assertThat(files).hasSize(13);
    Path trees = temp.resolve("trees.json");
    HclCheck.Result result = HclCheck.run(List.of(dir), "--json-out", trees.toString());
    assertThat(result.exitCode()).as(result.output()).isZero();

    Map<String, JsonNode> byFile = new TreeMap<>();
    JSON.readTree(trees.toFile()).fields().forEachRemaining(e ->
        byFile.put(Path.of(e.getKey()).getFileName().toString(), e.getValue()));
    String label = "asg_kms_" + h("name").replaceAll("[^a-z0-9]", "_");

    JsonNode statement = byFile.values().stream()
        .filter(t -> t.path("data").path("aws_iam_policy_document").has(label))
        .findFirst().orElseThrow()
        .path("data").path("aws_iam_policy_document").path(label).get(0).path("statement").get(0);
    assertThat(statement.path("sid").asText()).isEqualTo(asHclReadsIt(h("sid")));
    assertThat(statement.path("actions").get(0).asText()).isEqualTo(asHclReadsIt(h("actions")));
    assertThat(statement.path("resources").get(0).asText())
        .isEqualTo(asHclReadsIt(h("resources")));
    assertThat(statement.path("principals").get(0).path("identifiers").get(0).asText())
        .isEqualTo(asHclReadsIt(h("principals")));
    JsonNode condition = statement.path("condition").get(0);
    assertThat(condition.path("test").asText()).isEqualTo(asHclReadsIt(h("test")));
    assertThat(condition.path("variable").asText()).isEqualTo(asHclReadsIt(h("variable")));
    assertThat(condition.path("values").get(0).asText()).isEqualTo(asHclReadsIt(h("values")));

    JsonNode grant = byFile.values().stream()
        .filter(t -> t.path("resource").path("aws_kms_grant").has(label))
        .findFirst().orElseThrow().path("resource").path("aws_kms_grant").path(label).get(0);
    assertThat(grant.path("name").asText()).isEqualTo(asHclReadsIt(h("grant")));
    assertThat(grant.path("key_id").asText()).isEqualTo(asHclReadsIt(h("keyArn")));
    assertThat(grant.path("grantee_principal").asText())
        .isEqualTo(asHclReadsIt(h("granteePrincipal")));
    assertThat(grant.path("region").asText()).isEqualTo(asHclReadsIt(h("region")));
    assertThat(grant.path("operations").get(1).asText()).isEqualTo(asHclReadsIt(h("op2")));

    JsonNode policyFile = byFile.get("create-grant-policy.tf");
    assertThat(policyFile.path("resource").path("aws_iam_policy").path("asg_kms_create_grant")
        .get(0).path("name").asText()).isEqualTo(asHclReadsIt(h("policy")));
    assertThat(policyFile.path("resource").path("aws_iam_role_policy_attachment")
        .path("asg_kms_create_grant").get(0).path("role").asText())
        .isEqualTo(asHclReadsIt(h("roleName")));
    // Only what the templates declare: no value added a block or an attribute of its own.
    assertThat(byFile.get("create-grant-policy.tf").path("resource").size()).isEqualTo(2);
    assertThat(grant.path("retiring_principal").asText())
        .isEqualTo(asHclReadsIt(h("retiringPrincipal")));
    assertThat(grant.size()).isEqualTo(8); // and retire_on_delete, depends_on
    JsonNode launcherPolicies = byFile.get("launcher-role-policy.tf").path("resource");
    assertThat(launcherPolicies.path("aws_iam_policy").size()).isEqualTo(1);
    assertThat(launcherPolicies.path("aws_iam_policy").elements().next().get(0).path("name")
        .asText()).isEqualTo(asHclReadsIt(h("name")));
    assertThat(launcherPolicies.path("aws_iam_role_policy_attachment").elements().next().get(0)
        .path("role").asText()).isEqualTo(asHclReadsIt(h("roleName")));
    assertThat(byFile.get("import-service-linked-roles.tf").path("import").get(0).path("id")
        .asText()).isEqualTo(asHclReadsIt(h("roleArn")));
    JsonNode role = byFile.get("service-linked-role.tf").path("resource")
        .path("aws_iam_service_linked_role").path("asg_kms").get(0);
    assertThat(role.path("aws_service_name").asText())
        .isEqualTo(asHclReadsIt(h("awsServiceName")));
    assertThat(role.path("custom_suffix").asText()).isEqualTo(asHclReadsIt(h("customSuffix")));
  }

  @Test
  void jsonIsStrictAndEveryValueComesBack() throws Exception {
    JsonNode keyPolicy = strict(files.keySet().stream()
        .filter(n -> n.equals("json-key-policy.json")).findFirst().orElseThrow());
    JsonNode statement = keyPolicy.get(0);
    assertThat(statement.path("Sid").asText()).isEqualTo(h("sid"));
    assertThat(statement.path("Principal").path("AWS").get(0).asText()).isEqualTo(h("principals"));
    assertThat(statement.path("Action").get(0).asText()).isEqualTo(h("actions"));
    assertThat(statement.path("Resource").asText()).isEqualTo(h("resources"));
    assertThat(statement.path("Condition").path(h("test")).path(h("variable")).asText())
        .isEqualTo(h("values"));

    JsonNode launcherPolicy = strict("json-launcher-role-policy.json");
    assertThat(launcherPolicy.path("Statement").get(0).path("Sid").asText()).isEqualTo(h("sid"));

    JsonNode policy = strict("json-create-grant-policy.json");
    assertThat(policy.path("Statement").get(0).path("Sid").asText()).isEqualTo(h("iam-sid"));
    assertThat(policy.path("Statement").get(0).path("Resource").asText())
        .isEqualTo(h("iam-resource"));
  }

  @Test
  void cloudFormationYamlParsesAndEveryValueComesBack() throws Exception {
    ObjectMapper yaml = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper();
    JsonNode statement = yaml.readTree(files.get("cfn-key-policy.yaml")).get(0);
    assertThat(statement.path("Sid").asText()).isEqualTo(h("sid"));
    assertThat(statement.path("Principal").path("AWS").get(0).asText()).isEqualTo(h("principals"));
    assertThat(statement.path("Action").get(0).asText()).isEqualTo(h("actions"));
    assertThat(statement.path("Condition").path(h("test")).path(h("variable")).asText())
        .isEqualTo(h("values"));

    JsonNode stack = yaml.readTree(files.get("cfn-stack.yaml"));
    // The grant's logical ID comes from the hostile key name, and keeps only what is safe bare.
    String grantId = "NameqbfileetcpasswdiftruexendifxyididGrantDash103104";
    assertThat(stack.path("Resources").path(grantId).path("Type").asText())
        .isEqualTo("Custom::KmsGrant");
    JsonNode grant = stack.path("Resources").path(grantId).path("Properties");
    assertThat(grant.path("KeyId").asText()).isEqualTo(h("keyArn"));
    assertThat(grant.path("GranteePrincipal").asText()).isEqualTo(h("granteePrincipal"));
    assertThat(grant.path("Name").asText()).isEqualTo(h("grant"));
    assertThat(grant.path("Operations").get(1).asText()).isEqualTo(h("op2"));
    JsonNode role = stack.path("Resources").path("ServiceLinkedRole").path("Properties");
    assertThat(role.path("AWSServiceName").asText()).isEqualTo(h("awsServiceName"));
    assertThat(role.path("CustomSuffix").asText()).isEqualTo(h("customSuffix"));
    assertThat(stack.path("Description").asText()).contains(h("specLabel"));
    // Only the stack's own resources: no value added one. The launcher role policy's ID comes
    // from its hostile name, and keeps only what is safe bare.
    List<String> ids = new ArrayList<>();
    stack.path("Resources").fieldNames().forEachRemaining(ids::add);
    String launcherPolicyId = ids.stream().filter(id -> id.contains("RolePolicy")).findFirst()
        .orElseThrow();
    assertThat(launcherPolicyId).matches("[A-Za-z0-9]+");
    assertThat(stack.path("Resources").path(launcherPolicyId).path("Properties")
        .path("ManagedPolicyName").asText()).isEqualTo(h("name"));
    assertThat(ids).containsExactlyInAnyOrder(
        "ServiceLinkedRole", "GrantFunctionRole", "GrantFunction", "GrantFunctionLogs",
        "GrantFunctionLogsPolicy", "GrantFunctionPolicy", grantId, "CreateGrantPolicy",
        launcherPolicyId);
  }

  @Test
  void theShellScriptPassesEveryValueAsOneWholeArgument() throws Exception {
    Path script = Files.writeString(temp.resolve("create-grants.sh"),
        files.get("json-create-grants.sh"));
    Path bin = Files.createDirectories(temp.resolve("bin"));
    Path calls = temp.resolve("calls");
    Path account = Files.writeString(temp.resolve("account"), ACCOUNT);
    Path aws = Files.writeString(bin.resolve("aws"), "#!/bin/sh\n"
        + "for arg in \"$@\"; do printf '%s\\0' \"$arg\"; done >> \"$CALLS\"\n"
        + "printf '\\n\\0' >> \"$CALLS\"\n"
        + "if [ \"$1\" = sts ]; then cat \"$ACCOUNT_FILE\"; fi\n");
    Files.setPosixFilePermissions(aws, PosixFilePermissions.fromString("rwxr-xr-x"));
    ProcessBuilder builder = new ProcessBuilder("sh", script.toString()).redirectErrorStream(true);
    builder.environment().put("PATH", bin + ":/usr/bin:/bin");
    builder.environment().put("CALLS", calls.toString());
    builder.environment().put("ACCOUNT_FILE", account.toString());
    builder.directory(temp.toFile());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(temp.resolve("pwned")).doesNotExist();

    String[] recorded = Files.readString(calls, StandardCharsets.UTF_8).split("\n\0", -1);
    assertThat(List.of(recorded[0].split("\0", -1))).containsExactly("sts",
        "get-caller-identity", "--region", h("region"), "--query", "Account", "--output", "text",
        "");
    List<String> createGrant = List.of(recorded[1].split("\0", -1));
    assertThat(createGrant).containsExactly("kms", "create-grant", "--key-id", h("keyArn"),
        "--grantee-principal", h("granteePrincipal"), "--operations", h("op1"), h("op2"), "--name",
        h("grant"), "--retiring-principal", h("retiringPrincipal"), "--region", h("region"), "");
    assertThat(output).startsWith("Creating grant " + h("grant") + " on key " + h("name"));
  }

  @Test
  void theHeaderCommandStaysInItsCommentLine() {
    // A comment cannot escape: control characters go, and everything else is kept.
    String printable = h("command").replaceAll("[\\p{Cntrl}\u2028\u2029]", "?");
    assertThat(files.get("json-create-grants.sh").lines())
        .contains("# change the spec and run " + printable + ".");
    for (String name : List.of("tf-versions.tf", "cfn-stack.yaml")) {
      assertThat(files.get(name).lines().filter(l -> l.startsWith("# change the spec and run ")))
          .as(name).singleElement().asString().endsWith("# */ -->.").doesNotContain("\u0001");
    }
  }

  private static JsonNode strict(String name) throws Exception {
    return JSON.readerFor(JsonNode.class)
        .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .readValue(files.get(name));
  }
}

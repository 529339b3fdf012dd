package io.github.asgkms;

import static io.github.asgkms.CloudFormationOutputTest.strings;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.asgkms.aws.GrantManager;
import io.github.asgkms.output.GeneratedFile;
import io.github.asgkms.plan.Plan;
import io.github.asgkms.render.Format;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every golden spec, rendered once with each grantManager: the grants are the same whichever
 * tool creates them, only that tool's format holds them, and the documents differ only by
 * what each tool calls. Terraform is read by HashiCorp's parser (hcl2json), YAML by Jackson,
 * which keeps a tag's value ({@code !GetAtt X.Arn} reads as "X.Arn"), and the script by its
 * words, which the golden values never need to quote.
 */
class GrantManagerOutputTest {
  private static final ObjectMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ASG = "account-111122223333";

  /** Case, then manager, then path to text. */
  private static final Map<String, Map<GrantManager, Rendered>> RENDERED = new TreeMap<>();
  /** The Terraform grants of each case's rendering with grantManager: terraform. */
  private static final Map<String, List<Map<String, Object>>> TERRAFORM_GRANTS = new TreeMap<>();

  private record Rendered(Plan plan, Map<String, String> files) {}

  @BeforeAll
  static void renderEveryCaseWithEveryManager(@TempDir Path temp) throws Exception {
    Path terraformDir = Files.createDirectories(temp.resolve("terraform"));
    for (String name : GoldenCases.namesInEveryFormat().toList()) {
      String spec = Files.readString(GoldenCases.ROOT.resolve(name).resolve("spec.yaml"));
      Map<GrantManager, Rendered> byManager = new EnumMap<>(GrantManager.class);
      for (GrantManager manager : GrantManager.values()) {
        Path specFile = Files.writeString(temp.resolve(name + "-" + manager.id() + ".yaml"),
            withManager(spec, manager));
        Generator.Rendering rendering = Generator.render(new GenerateRequest(specFile,
            "spec.yaml", temp.resolve("unused"), EnumSet.allOf(Format.class), null));
        Map<String, String> files = new TreeMap<>();
        for (GeneratedFile file : rendering.files()) {
          files.put(file.path(), file.text());
        }
        byManager.put(manager, new Rendered(rendering.plan(), files));
      }
      RENDERED.put(name, byManager);
      for (Map.Entry<String, String> file : byManager.get(GrantManager.TERRAFORM).files()
          .entrySet()) {
        if (file.getKey().contains("/grant-")) {
          Path target = terraformDir.resolve(name).resolve(file.getKey());
          Files.createDirectories(target.getParent());
          Files.writeString(target, file.getValue());
        }
      }
      TERRAFORM_GRANTS.put(name, new ArrayList<>());
    }
    Path out = temp.resolve("terraform.json");
    HclCheck.Result result = HclCheck.run(List.of(terraformDir), "--json-out", out.toString());
    assertThat(result.exitCode()).as(result.output()).isZero();
    JSON.readTree(out.toFile()).fields().forEachRemaining(file -> {
      String name = terraformDir.relativize(Path.of(file.getKey())).getName(0).toString();
      file.getValue().path("resource").path("aws_kms_grant").forEach(grant ->
          TERRAFORM_GRANTS.get(name).add(grant(grant.path(0).path("name"),
              grant.path(0).path("key_id"), grant.path(0).path("grantee_principal"),
              grant.path(0).path("operations"), grant.path(0).path("retiring_principal"))));
    });
  }

  /** The spec with its grantManager line replaced, or one added. */
  static String withManager(String spec, GrantManager manager) {
    String line = "grantManager: " + manager.id();
    return spec.contains("\ngrantManager: ")
        ? spec.replaceAll("(?m)^grantManager: .*$", line)
        : spec + (spec.endsWith("\n") ? "" : "\n") + line + "\n";
  }

  /** The cases each manager can render, CloudFormation included. */
  static Stream<String> cases() throws Exception {
    return GoldenCases.namesInEveryFormat();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void everyManagerCreatesTheSameGrantsEachWithItsRetiringPrincipal(String name)
      throws Exception {
    Map<GrantManager, Rendered> rendered = RENDERED.get(name);
    List<Map<String, Object>> terraform = TERRAFORM_GRANTS.get(name);
    List<Map<String, Object>> stack = stackGrants(rendered.get(GrantManager.CLOUDFORMATION));
    List<Map<String, Object>> script = scriptGrants(rendered.get(GrantManager.CLI));

    assertThat(terraform).hasSameSizeAs(rendered.get(GrantManager.TERRAFORM).plan().grants());
    assertThat(withoutRetiringPrincipal(stack))
        .containsExactlyInAnyOrderElementsOf(withoutRetiringPrincipal(terraform));
    assertThat(withoutRetiringPrincipal(script))
        .containsExactlyInAnyOrderElementsOf(withoutRetiringPrincipal(terraform));

    // Terraform and the script: the grant creator, the role the spec names or else the
    // account. The stack: its function's role, which retires the grants itself.
    String creator = rendered.get(GrantManager.TERRAFORM).plan().grantCreatorArn();
    assertThat(creator).isEqualTo(rendered.get(GrantManager.CLI).plan().grantCreatorArn());
    terraform.forEach(g -> assertThat(g.get("RetiringPrincipal")).isEqualTo(creator));
    script.forEach(g -> assertThat(g.get("RetiringPrincipal")).isEqualTo(creator));
    stack.forEach(g -> assertThat(g.get("RetiringPrincipal")).isEqualTo("GrantFunctionRole.Arn"));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void onlyTheManagersFormatHoldsTheGrants(String name) throws Exception {
    for (Map.Entry<GrantManager, Rendered> entry : RENDERED.get(name).entrySet()) {
      GrantManager manager = entry.getKey();
      Map<String, String> files = entry.getValue().files();
      boolean grants = !entry.getValue().plan().grants().isEmpty();
      assertThat(files.keySet().stream().anyMatch(p -> p.contains("/grant-")))
          .as("%s %s: grant-*.tf", name, manager)
          .isEqualTo(grants && manager == GrantManager.TERRAFORM);
      assertThat(files.keySet().stream().anyMatch(p -> p.endsWith("create-grants.sh")))
          .as("%s %s: create-grants.sh", name, manager)
          .isEqualTo(grants && manager == GrantManager.CLI);
      assertThat(stackGrants(entry.getValue())).as("%s %s: Custom::KmsGrant", name, manager)
          .hasSize(manager == GrantManager.CLOUDFORMATION ? entry.getValue().plan().grants().size()
              : 0);
      assertThat(files.keySet().stream().anyMatch(p -> p.contains("create-grant-policy")))
          .as("%s %s: create-grant-policy files", name, manager)
          .isEqualTo(grants && manager != GrantManager.CLOUDFORMATION);
    }
  }

  /**
   * The key policies of a manager differ from another's only by the ListGrants statement that
   * Terraform needs, on keys in other accounts; the CLI's creator policy is the CreateGrant
   * statements, which Terraform's has too, with ListGrants and, when the account is the
   * retiring principal, RetireGrant.
   */
  @ParameterizedTest
  @MethodSource("cases")
  void theDocumentsDifferOnlyByWhatEachManagerCalls(String name) throws Exception {
    Map<GrantManager, Rendered> rendered = RENDERED.get(name);
    Map<String, String> terraform = rendered.get(GrantManager.TERRAFORM).files();
    String listGrantsSid = "Allow external account 111122223333 to list grants";
    for (String path : terraform.keySet()) {
      if (!path.startsWith("json/") || !path.contains("/key-policy-")) {
        continue;
      }
      List<JsonNode> withList = statements(JSON.readTree(terraform.get(path)));
      List<JsonNode> withoutList = withList.stream()
          .filter(s -> !s.path("Sid").asText().equals(listGrantsSid)).toList();
      String asgFolder = "json/account-"
          + rendered.get(GrantManager.TERRAFORM).plan().autoScalingAccountId() + "/";
      assertThat(withList.size() - withoutList.size()).as(path)
          .isEqualTo(path.startsWith(asgFolder) ? 0 : 1);
      for (GrantManager other : List.of(GrantManager.CLOUDFORMATION, GrantManager.CLI)) {
        assertThat(statements(JSON.readTree(rendered.get(other).files().get(path))))
            .as("%s %s", path, other).isEqualTo(withoutList);
      }
    }

    String policyPath = "json/" + ASG + "/create-grant-policy.json";
    if (!terraform.containsKey(policyPath)) {
      return;
    }
    List<JsonNode> cli = statements(JSON.readTree(
        rendered.get(GrantManager.CLI).files().get(policyPath)).path("Statement"));
    assertThat(cli).allSatisfy(s ->
        assertThat(s.path("Action").asText()).isEqualTo("kms:CreateGrant"));
    List<JsonNode> tf = statements(JSON.readTree(terraform.get(policyPath)).path("Statement"));
    assertThat(tf.stream().filter(s -> s.path("Action").asText().equals("kms:CreateGrant")))
        .containsExactlyElementsOf(cli);
    boolean namedRole = rendered.get(GrantManager.TERRAFORM).plan().grantCreatorArn()
        .contains(":role/");
    assertThat(tf.stream().map(s -> s.path("Action").asText()).distinct().sorted())
        .containsExactlyElementsOf(namedRole ? List.of("kms:CreateGrant", "kms:ListGrants")
            : List.of("kms:CreateGrant", "kms:ListGrants", "kms:RetireGrant"));
  }

  /**
   * The grant function may create only the stack's grants: each CreateGrant statement is
   * conditioned on the service-linked role and on the operations of the grants on its keys,
   * and nothing else is allowed (no RevokeGrant, no RetireGrant).
   */
  @ParameterizedTest
  @MethodSource("cases")
  void theGrantFunctionMayCreateOnlyTheStacksGrants(String name) throws Exception {
    Rendered rendered = RENDERED.get(name).get(GrantManager.CLOUDFORMATION);
    String stackPath = "cloudformation/" + ASG + "/auto-scaling-account-stack.yaml";
    if (rendered.plan().grants().isEmpty()) {
      assertThat(rendered.files().getOrDefault(stackPath, "")).doesNotContain("GrantFunction");
      return;
    }
    Map<String, List<String>> operationsByKey = new TreeMap<>();
    rendered.plan().grants().forEach(g -> operationsByKey.put(g.keyArn(), g.operations()));
    JsonNode resources = YAML.readTree(rendered.files().get(stackPath)).path("Resources");
    Map<String, List<String>> allowed = new TreeMap<>();
    resources.fields().forEachRemaining(resource -> {
      if (!resource.getKey().startsWith("GrantFunctionPolicy")) {
        return;
      }
      for (JsonNode s : resource.getValue().path("Properties").path("PolicyDocument")
          .path("Statement")) {
        assertThat(strings(s.path("Action"))).containsExactly("kms:CreateGrant");
        assertThat(strings(s.path("Condition").path("StringEquals")
            .path("kms:GranteePrincipal"))).isEqualTo(rendered.plan().serviceLinkedLaunchers()
                .stream().map(l -> l.roleArn()).toList());
        List<String> operations = strings(s.path("Condition")
            .path("ForAllValues:StringEquals").path("kms:GrantOperations"));
        strings(s.path("Resource")).forEach(key -> allowed.put(key, operations));
      }
    });
    assertThat(allowed).isEqualTo(operationsByKey);
    assertThat(resources.has("CreateGrantPolicy")).isFalse();
  }

  private static List<Map<String, Object>> stackGrants(Rendered rendered) throws Exception {
    String stack = rendered.files().get("cloudformation/" + ASG + "/auto-scaling-account-stack.yaml");
    List<Map<String, Object>> grants = new ArrayList<>();
    if (stack == null) {
      return grants;
    }
    YAML.readTree(stack).path("Resources").forEach(resource -> {
      if (resource.path("Type").asText().equals("Custom::KmsGrant")) {
        JsonNode p = resource.path("Properties");
        assertThat(p.path("ServiceToken").asText()).isEqualTo("GrantFunction.Arn");
        grants.add(grant(p.path("Name"), p.path("KeyId"), p.path("GranteePrincipal"),
            p.path("Operations"), p.path("RetiringPrincipal")));
      }
    });
    return grants;
  }

  /** The create-grant calls of the script, by their words. */
  private static List<Map<String, Object>> scriptGrants(Rendered rendered) {
    String script = rendered.files().get("json/" + ASG + "/create-grants.sh");
    List<Map<String, Object>> grants = new ArrayList<>();
    if (script == null) {
      return grants;
    }
    for (String line : script.split("\n")) {
      if (!line.startsWith("aws kms create-grant ")) {
        continue;
      }
      Map<String, List<String>> options = new LinkedHashMap<>();
      List<String> current = null;
      for (String word : line.substring("aws kms create-grant ".length()).split(" ")) {
        if (word.startsWith("--")) {
          current = new ArrayList<>();
          options.put(word, current);
        } else {
          current.add(word);
        }
      }
      Map<String, Object> grant = new TreeMap<>();
      grant.put("Name", options.get("--name").get(0));
      grant.put("KeyId", options.get("--key-id").get(0));
      grant.put("GranteePrincipal", options.get("--grantee-principal").get(0));
      grant.put("Operations", options.get("--operations"));
      grant.put("RetiringPrincipal", options.get("--retiring-principal").get(0));
      grants.add(grant);
    }
    return grants;
  }

  private static Map<String, Object> grant(JsonNode name, JsonNode keyId, JsonNode grantee,
      JsonNode operations, JsonNode retiring) {
    Map<String, Object> grant = new TreeMap<>();
    grant.put("Name", name.asText());
    grant.put("KeyId", keyId.asText());
    grant.put("GranteePrincipal", grantee.asText());
    grant.put("Operations", strings(operations));
    grant.put("RetiringPrincipal", retiring.asText());
    return grant;
  }

  private static List<Map<String, Object>> withoutRetiringPrincipal(
      List<Map<String, Object>> grants) {
    return grants.stream().map(g -> {
      Map<String, Object> copy = new TreeMap<>(g);
      copy.remove("RetiringPrincipal");
      return (Map<String, Object>) copy;
    }).toList();
  }

  /** The statements of a snippet or a list; of a document, with fullKeyPolicy. */
  private static List<JsonNode> statements(JsonNode policy) {
    List<JsonNode> statements = new ArrayList<>();
    (policy.isArray() ? policy : policy.path("Statement")).forEach(statements::add);
    return statements;
  }
}

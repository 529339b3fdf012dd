package io.github.asgkms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.asgkms.render.Format;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CloudFormation output says what the other formats say: in every golden case, rendered in
 * every format ({@link GoldenCases#everyFormat()}), each key's snippet holds the statements of
 * its Terraform policy document and of its JSON file, one for one, and the stack holds the
 * JSON CreateGrant policy. Terraform is
 * read by HashiCorp's parser (hcl2json), YAML by Jackson, which keeps a tag's value ({@code
 * !Ref X} reads as "X").
 */
class CloudFormationOutputTest {
  private static final ObjectMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Every case in every format, laid out as the golden cases are. */
  private static Path everyFormat;

  /** Every Terraform file of those, parsed once: the parser's start-up is the slow part. */
  private static JsonNode terraform;

  @BeforeAll
  static void parseTerraform(@TempDir Path temp) throws Exception {
    everyFormat = GoldenCases.everyFormat();
    Path out = temp.resolve("terraform.json");
    HclCheck.Result result = HclCheck.run(List.of(everyFormat), "--json-out", out.toString());
    assertThat(result.exitCode()).as(result.output()).isZero();
    terraform = JSON.readTree(out.toFile());
  }

  /** Every case whose spec can be rendered as CloudFormation: all but adopted roles'. */
  static Stream<String> cases() throws Exception {
    return GoldenCases.namesInEveryFormat();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void eachSnippetHoldsTheTerraformAndJsonStatementsOneForOne(String name) throws Exception {
    Path expected = everyFormat.resolve(name).resolve("expected");
    List<Path> snippets = files(expected.resolve("cloudformation"), "key-policy-");
    assertThat(snippets).isNotEmpty();

    for (Path snippet : snippets) {
      String account = snippet.getParent().getFileName().toString();
      String key = snippet.getFileName().toString().replaceAll("^key-policy-|\\.yaml$", "");
      List<Map<String, Object>> statements = fromPolicy(statementsOf(YAML.readTree(
          snippet.toFile())));

      JsonNode json = JSON.readTree(expected.resolve("json").resolve(account)
          .resolve("key-policy-" + key + ".json").toFile());
      assertThat(statements).as("%s against JSON", snippet)
          .isEqualTo(fromPolicy(statementsOf(json)));

      JsonNode document = terraformFiles(name + "/expected/terraform/" + account
          + "/key-policy-" + key + ".tf").get(0).path("data").path("aws_iam_policy_document")
          .path("asg_kms_" + key.replace('-', '_')).path(0);
      assertThat(statements).as("%s against Terraform", snippet)
          .isEqualTo(fromTerraform(document.path("statement")));
    }
  }

  /** The statements of a snippet or a list; of a document, with fullKeyPolicy. */
  private static JsonNode statementsOf(JsonNode policy) {
    return policy.isArray() ? policy : policy.path("Statement");
  }

  /**
   * The stack's grant creator policy, where the spec names the role, holds the statements of
   * create-grant-policy.json one for one. The grants themselves, which only the grant manager's
   * format holds, are compared across formats by {@link GrantManagerOutputTest}.
   */
  @ParameterizedTest
  @MethodSource("cases")
  void theStacksCreateGrantPolicyIsTheJsonOne(String name) throws Exception {
    Path expected = everyFormat.resolve(name).resolve("expected");
    for (Path stack : files(expected.resolve("cloudformation"), "auto-scaling-account-stack")) {
      JsonNode managed = YAML.readTree(stack.toFile()).path("Resources")
          .path("CreateGrantPolicy");
      if (managed.isMissingNode()) {
        continue;
      }
      Path account = stack.getParent().getFileName();
      JsonNode createGrantPolicy = JSON.readTree(expected.resolve("json").resolve(account)
          .resolve("create-grant-policy.json").toFile());
      assertThat(fromPolicy(managed.path("Properties").path("PolicyDocument")
          .path("Statement"))).isEqualTo(fromPolicy(createGrantPolicy.path("Statement")));
    }
  }

  /** The handler is shipped as written, so the Python tests test the shipped code. */
  @Test
  void theStackShipsTheFunctionSourceVerbatim() throws Exception {
    String source = Files.readString(Path.of("templates/cloudformation/grant-function.py"),
        StandardCharsets.UTF_8);
    List<Path> stacks = new ArrayList<>();
    for (String name : GoldenCases.names().toList()) {
      stacks.addAll(files(everyFormat.resolve(name).resolve("expected/cloudformation"),
          "auto-scaling-account-stack"));
    }
    int functions = 0;
    for (Path stack : stacks) {
      JsonNode function = YAML.readTree(stack.toFile()).path("Resources").path("GrantFunction");
      if (!function.isMissingNode()) {
        functions++;
        assertThat(function.path("Properties").path("Code").path("ZipFile").asText())
            .as(stack.toString()).isEqualTo(source);
      }
    }
    assertThat(functions).isGreaterThanOrEqualTo(2);
  }

  @Test
  void theStackCreatesTheRoleFirstWhenAskedAndOrdersTheGrantsAfterIt() throws Exception {
    Path stack = everyFormat.resolve("cloudformation-new-account/expected/cloudformation/"
        + "account-111122223333/auto-scaling-account-stack.yaml");
    JsonNode resources = YAML.readTree(stack.toFile()).path("Resources");

    JsonNode role = resources.path("ServiceLinkedRole");
    assertThat(role.path("Type").asText()).isEqualTo("AWS::IAM::ServiceLinkedRole");
    assertThat(role.path("Properties").path("AWSServiceName").asText())
        .isEqualTo("autoscaling.amazonaws.com");
    assertThat(role.path("Properties").path("CustomSuffix").asText()).isEqualTo("web");
    Map<String, JsonNode> grants = resourcesOfType(resources, "Custom::KmsGrant");
    assertThat(grants).isNotEmpty();
    grants.values().forEach(grant -> assertThat(strings(grant.path("DependsOn")))
        .containsExactly("ServiceLinkedRole", "GrantFunctionLogsPolicy"));

    Path withoutRole = everyFormat.resolve("cloudformation-cross-account/expected/"
        + "cloudformation/account-111122223333/auto-scaling-account-stack.yaml");
    JsonNode others = YAML.readTree(withoutRole.toFile()).path("Resources");
    assertThat(others.has("ServiceLinkedRole")).isFalse();
    resourcesOfType(others, "Custom::KmsGrant").values().forEach(grant ->
        assertThat(strings(grant.path("DependsOn"))).containsExactly("GrantFunctionLogsPolicy"));
  }

  /** Statements in one shape: lists for every multi-valued field, condition values as text. */
  private static List<Map<String, Object>> fromPolicy(JsonNode statements) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (JsonNode s : statements) {
      Map<String, Object> statement = new LinkedHashMap<>();
      statement.put("sid", s.path("Sid").asText());
      statement.put("effect", s.path("Effect").asText());
      statement.put("principals", strings(s.path("Principal").path("AWS")));
      statement.put("actions", strings(s.path("Action")));
      statement.put("resources", strings(s.path("Resource")));
      Map<String, Object> conditions = new TreeMap<>();
      s.path("Condition").fields().forEachRemaining(test -> test.getValue().fields()
          .forEachRemaining(variable -> conditions.put(test.getKey() + " " + variable.getKey(),
              strings(variable.getValue()))));
      statement.put("conditions", conditions);
      out.add(statement);
    }
    return out;
  }

  private static List<Map<String, Object>> fromTerraform(JsonNode statements) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (JsonNode s : statements) {
      Map<String, Object> statement = new LinkedHashMap<>();
      statement.put("sid", s.path("sid").asText());
      statement.put("effect", s.path("effect").asText());
      statement.put("principals", strings(s.path("principals").path(0).path("identifiers")));
      statement.put("actions", strings(s.path("actions")));
      statement.put("resources", strings(s.path("resources")));
      Map<String, Object> conditions = new TreeMap<>();
      s.path("condition").forEach(c -> conditions.put(
          c.path("test").asText() + " " + c.path("variable").asText(), strings(c.path("values"))));
      statement.put("conditions", conditions);
      out.add(statement);
    }
    return out;
  }

  /** A value or a list of values, as a list of their text; a missing node gives none. */
  static List<String> strings(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(v -> values.add(v.asText()));
    } else if (!node.isMissingNode()) {
      values.add(node.asText());
    }
    return values;
  }

  private static Map<String, JsonNode> resourcesOfType(JsonNode resources, String type) {
    Map<String, JsonNode> found = new TreeMap<>();
    resources.fields().forEachRemaining(r -> {
      if (r.getValue().path("Type").asText().equals(type)) {
        found.put(r.getKey(), r.getValue());
      }
    });
    return found;
  }

  /** The parsed Terraform files whose path contains {@code part}. */
  private static List<JsonNode> terraformFiles(String part) {
    List<JsonNode> matches = new ArrayList<>();
    terraform.fields().forEachRemaining(f -> {
      if (f.getKey().replace('\\', '/').contains("/" + part)) {
        matches.add(f.getValue());
      }
    });
    assertThat(matches).as(part).isNotEmpty();
    return matches;
  }

  private static List<Path> files(Path dir, String namePrefix) throws Exception {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.getFileName().toString().startsWith(namePrefix))
          .sorted().toList();
    }
  }
}

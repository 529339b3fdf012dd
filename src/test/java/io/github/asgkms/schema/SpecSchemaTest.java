package io.github.asgkms.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON Schema shipped for editors agrees with the plugin: it accepts every example and
 * golden spec, and rejects every bad spec of the corpus, except the few whose fault lies where
 * no JSON Schema can look. (SpecDeclarationsTest makes the schema from the spec's declarations;
 * this test checks what it accepts.)
 */
class SpecSchemaTest {
  private static final Path BAD = Path.of("src/test/resources/bad");

  /**
   * Faults beyond JSON Schema, each for its reason; the test checks the schema does accept
   * them, so this list cannot hide a case the schema should catch.
   */
  private static final Set<String> BEYOND_JSON_SCHEMA = Set.of(
      // YAML features an editor resolves before validating. (alias-use is not here: Jackson,
      // which this test reads YAML with, turns *arn into the string "arn", a bad ARN.)
      "anchor-on-mapping", "anchor-on-scalar",
      "second-document", "second-document-empty",
      // Uniqueness of one property across list items.
      "duplicate-key-names", "duplicate-arns",
      "launcher-listed-twice", "launcher-role-listed-twice", "replica-region-twice",
      // Uniqueness of a part of a value: a role's name, case aside, within its ARN.
      "launcher-role-name-twice",
      // Comparing two fields: ARN partitions, and a key's account with the Auto Scaling one.
      "partitions-of-arns-disagree", "partition-disagrees-with-arn",
      "same-account-grant-name", "same-account-grant-operations",
      // Comparing a launcher role's ARN with the spec: its account and partition, and its path
      // (a service-linked role), which the schema's pattern leaves to the plugin's advice.
      "launcher-role-other-account", "launcher-role-other-partition",
      "launcher-role-other-partition-than-keys", "launcher-role-service-linked-autoscaling",
      "launcher-role-service-linked-ec2-fleet", "launcher-role-service-linked-other-service",
      // Comparing fields: a suffix without autoscaling, create with import, and a key's
      // replica Regions with its key ID, its partition and its own Region.
      "suffix-without-autoscaling", "create-and-import-service-linked-roles",
      "replica-regions-on-single-region-key", "replica-region-in-another-partition",
      "replica-region-of-the-primary",
      // Names made from other names: replicas' and grants', against the keys' names, and a
      // grant name with a launcher's suffix against KMS's length.
      "name-of-a-replica", "name-of-a-grant", "grant-name-too-long-for-a-launcher",
      // JSON Schema counts 1.0 as the integer 1; the plugin wants the version written as 1.
      "version-float");

  /** As editors read YAML 1.2: yes and no are strings; duplicate keys are errors. */
  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
      .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS).build())
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private static final JsonSchema SCHEMA = loadSchema();

  private static JsonSchema loadSchema() {
    try (InputStream in = SpecSchemaTest.class.getClassLoader()
        .getResourceAsStream("schema/asg-kms-spec-v1.schema.json")) {
      assertThat(in).as("the schema is packaged under schema/").isNotNull();
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<Path> goodSpecs() throws IOException {
    List<Path> specs = new ArrayList<>();
    try (Stream<Path> golden = Files.list(Path.of("src/test/resources/golden"))) {
      golden.map(dir -> dir.resolve("spec.yaml")).filter(Files::exists).forEach(specs::add);
    }
    try (Stream<Path> it = Files.walk(Path.of("it"))) {
      it.filter(p -> p.toString().endsWith("asg-kms.yaml"))
          .filter(p -> !p.toString().contains("bad-spec")).forEach(specs::add);
    }
    specs.add(Path.of("examples/src/main/asg-kms/asg-kms.yaml"));
    return specs.stream().sorted();
  }

  static Stream<String> badSpecs() throws IOException {
    try (Stream<Path> files = Files.list(BAD)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
          .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("goodSpecs")
  void acceptsEveryGoodSpec(Path spec) throws IOException {
    assertThat(validate(Files.readString(spec, StandardCharsets.UTF_8))).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("badSpecs")
  void rejectsEveryBadSpecItCanSee(String name) throws IOException {
    List<String> problems;
    try {
      problems = validate(StandardCharsets.UTF_8.newDecoder()
          .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(BAD.resolve(name + ".yaml"))))
          .toString());
    } catch (java.nio.charset.CharacterCodingException e) {
      problems = List.of("not UTF-8, so no editor reads it as YAML");
    }
    if (BEYOND_JSON_SCHEMA.contains(name)) {
      assertThat(problems).as("listed as beyond JSON Schema").isEmpty();
    } else {
      assertThat(problems).as("the schema must reject " + name).isNotEmpty();
    }
  }

  @Test
  void anAccountIdAYamlEditorReadsAsAShorterNumberIsFlagged() {
    // A YAML 1.2 editor reads unquoted 012345678901 as the number 12345678901: too short, so
    // the schema flags it, and quoting it keeps the zero.
    ObjectNode spec = (ObjectNode) YAML.valueToTree(java.util.Map.of("version", 1,
        "autoScalingAccountId", 12345678901L, "keys", List.of(java.util.Map.of("name", "a",
            "arn", "arn:aws:kms:us-west-2:444455556666:key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4d"))));
    assertThat(SCHEMA.validate(spec)).isNotEmpty();
    spec.put("autoScalingAccountId", "012345678901");
    assertThat(SCHEMA.validate(spec)).isEmpty();
    spec.put("autoScalingAccountId", 111122223333L);
    assertThat(SCHEMA.validate(spec)).isEmpty();
  }

  /** Schema violations, or the YAML error an editor would show first. */
  private static List<String> validate(String yaml) {
    JsonNode tree;
    try {
      tree = YAML.readTree(yaml);
    } catch (IOException e) {
      return List.of("YAML: " + e.getMessage());
    }
    Set<ValidationMessage> messages = SCHEMA.validate(tree == null || tree instanceof MissingNode
        ? YAML.nullNode() : tree);
    return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
  }
}

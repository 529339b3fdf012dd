package io.github.asgkms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.asgkms.render.Format;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/walkthrough/} applies the example's generated folders account by account. Its
 * configurations are rendered here next to the example's output, laid out as
 * {@code mvn generate-sources} in {@code examples/} lays it out, so that every relative path
 * they hold is resolved as Terraform and the AWS CLI would resolve it.
 */
class WalkthroughTest {
  private static final Path EXAMPLES = Path.of("examples");
  private static final Path TERRAFORM = Path.of("walkthrough/terraform");
  private static final Path CLOUDFORMATION = Path.of("walkthrough/cloudformation");
  private static final String OWN_STATEMENT = "Enable IAM User Permissions";
  private static final ObjectMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path temp;
  private static Path examples;
  /** Every .tf file of the walkthrough and of the generated folders, as hcl2json reads it. */
  private static JsonNode parsed;
  private static HclCheck.Result hclCheck;

  /**
   * The walkthrough, both example specs rendered as the example's POM renders them, and one
   * run of the HCL tools over all of it: each run starts their WASM builds afresh.
   */
  @BeforeAll
  static void renderTheExample() throws Exception {
    examples = temp.resolve("examples");
    TestFiles.copyTree(EXAMPLES.resolve("walkthrough"), examples.resolve("walkthrough"));
    render("asg-kms.yaml", "asg-kms", EnumSet.of(Format.TERRAFORM, Format.JSON));
    render("cloudformation.yaml", "asg-kms-cloudformation", EnumSet.of(Format.CLOUDFORMATION));
    Path out = temp.resolve("hcl.json");
    hclCheck = HclCheck.run(List.of(examples.resolve(TERRAFORM),
        examples.resolve("target/generated-sources/asg-kms/terraform")), "--json-out",
        out.toString());
    parsed = JSON.readTree(out.toFile());
  }

  private static void render(String spec, String outputFolder, Set<Format> formats)
      throws Exception {
    Path source = EXAMPLES.resolve("src/main/asg-kms").resolve(spec);
    Generator.generate(new GenerateRequest(source, "src/main/asg-kms/" + spec,
        examples.resolve("target/generated-sources").resolve(outputFolder), formats, null));
  }

  @Test
  void theTerraformParsesAndIsInTerraformFmtForm() {
    assertThat(hclCheck.exitCode()).as(hclCheck.output()).isZero();
  }

  /**
   * Each root configuration and the generated module it uses, against the AWS provider's
   * schema: every resource, argument and reference in them exists in hashicorp/aws 6.x.
   */
  @Test
  void theTerraformMatchesTheAwsProvidersSchema() throws Exception {
    List<Path> modules = new ArrayList<>(terraformRoots());
    try (Stream<Path> generated = Files.list(
        examples.resolve("target/generated-sources/asg-kms/terraform"))) {
      generated.sorted().forEach(modules::add);
    }
    ProviderSchemaCheck.Result result = ProviderSchemaCheck.run(modules);
    assertThat(result.problems()).as(result.output()).isEmpty();
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.summary()).contains("4 modules");
  }

  @Test
  void eachModuleIsAGeneratedFolderThatDeclaresTheOutputsUsed() throws Exception {
    for (Path root : terraformRoots()) {
      String main = Files.readString(root.resolve("main.tf"));
      Matcher source = Pattern.compile("module \"asg_kms\" \\{\\s*source\\s*=\\s*\"([^\"]+)\"")
          .matcher(main);
      assertThat(source.find()).as("%s has a module", root).isTrue();
      Path module = root.resolve(source.group(1)).normalize();
      assertThat(module).as("module source of %s", root).isDirectory();
      assertThat(module.toString()).contains("target/generated-sources/asg-kms/terraform/account-");

      Set<String> declared = outputs(module);
      Set<String> used = new TreeSet<>();
      Matcher reference = Pattern.compile("module\\.asg_kms\\.([a-z0-9_]+)").matcher(main);
      while (reference.find()) {
        used.add(reference.group(1));
      }
      assertThat(used).as("outputs %s uses", root).isNotEmpty();
      assertThat(declared).as("outputs of %s", module).containsAll(used);
    }
  }

  /**
   * Each key policy is the key's own statement, which keeps the account in control of the key,
   * followed by the generated statements of that key: a source document list in that order.
   */
  @Test
  void eachTerraformKeyPolicyIsTheOwnStatementThenTheGeneratedOnes() throws Exception {
    for (Path root : terraformRoots()) {
      JsonNode tree = parse(root.resolve("main.tf"));
      JsonNode documents = tree.path("data").path("aws_iam_policy_document");
      JsonNode policies = tree.path("resource").path("aws_kms_key_policy");
      assertThat(policies.size()).as("key policies in %s", root).isPositive();
      policies.fields().forEachRemaining(policy -> {
        String name = policy.getKey();
        String policyRef = policy.getValue().get(0).path("policy").asText();
        assertThat(policyRef).isEqualTo("${data.aws_iam_policy_document." + name + ".json}");
        JsonNode sources = documents.path(name).get(0).path("source_policy_documents");
        assertThat(sources.get(0).asText())
            .isEqualTo("${data.aws_iam_policy_document." + name + "_own.json}");
        assertThat(sources.get(1).asText())
            .isEqualTo("${module.asg_kms.asg_kms_" + name + "_key_policy_json}");
        assertThat(sources.size()).isEqualTo(2);
        JsonNode own = documents.path(name + "_own").get(0).path("statement");
        assertThat(own.size()).isEqualTo(1);
        assertThat(own.get(0).path("sid").asText()).isEqualTo(OWN_STATEMENT);
        assertThat(own.get(0).path("actions").toString()).isEqualTo("[\"kms:*\"]");
      });
    }
  }

  /** The key stacks pass cfn-lint, and what they hold pasted is exactly the generated snippet. */
  @Test
  void theKeyStacksPassCfnLintAndHoldTheGeneratedStatements() throws Exception {
    List<Path> stacks = new ArrayList<>();
    try (Stream<Path> files = Files.list(examples.resolve(CLOUDFORMATION))) {
      files.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(stacks::add);
    }
    assertThat(stacks).hasSize(2);
    JsonNode findings = CloudFormationLintTest.CfnLint.run(temp, stacks, List.of())
        .path("templates");
    for (Path stack : stacks) {
      JsonNode found = findings.path(stack.toString());
      assertThat(found.path("crit")).as(found.toString()).isEmpty();
      assertThat(found.path("warn")).as(found.toString()).isEmpty();

      String template = Files.readString(stack);
      Matcher from = Pattern.compile("target/generated-sources/(\\S+\\.yaml)").matcher(template);
      assertThat(from.find()).as("%s names its snippet", stack).isTrue();
      JsonNode snippet = YAML.readTree(examples.resolve("target/generated-sources")
          .resolve(from.group(1)).toFile());
      JsonNode key = YAML.readTree(template).path("Resources").elements().next();
      JsonNode statements = key.path("Properties").path("KeyPolicy").path("Statement");
      assertThat(statements.get(0).path("Sid").asText()).isEqualTo(OWN_STATEMENT);
      List<JsonNode> pasted = new ArrayList<>();
      statements.forEach(pasted::add);
      List<JsonNode> generated = new ArrayList<>();
      snippet.forEach(generated::add);
      assertThat(pasted.subList(1, pasted.size())).as(stack.toString()).isEqualTo(generated);
    }
  }

  /** The stack that step 3 deploys is where the walkthrough says, and holds the grant. */
  @Test
  void theGeneratedStackTheWalkthroughDeploysHoldsTheGrant() throws Exception {
    String readme = Files.readString(examples.resolve("walkthrough/README.md"));
    Matcher stack = Pattern.compile("`\\.\\./(target/generated-sources/asg-kms-cloudformation/"
        + "\\S+/auto-scaling-account-stack\\.yaml)`").matcher(readme);
    assertThat(stack.find()).isTrue();
    JsonNode template = YAML.readTree(examples.resolve(stack.group(1)).toFile());
    assertThat(template.path("Resources").path("GoldenAmiGrant").path("Type").asText())
        .isEqualTo("Custom::KmsGrant");
  }

  private static List<Path> terraformRoots() throws Exception {
    try (Stream<Path> roots = Files.list(examples.resolve(TERRAFORM))) {
      List<Path> found = roots.filter(Files::isDirectory).sorted().toList();
      assertThat(found).hasSize(2);
      return found;
    }
  }

  private static Set<String> outputs(Path module) throws Exception {
    Set<String> names = new TreeSet<>();
    try (Stream<Path> files = Files.list(module)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".tf")).sorted().toList()) {
        parse(file).path("output").fieldNames().forEachRemaining(names::add);
      }
    }
    return names;
  }

  /** A file as HashiCorp's parser reads it, through hcl2json. */
  private static JsonNode parse(Path file) {
    JsonNode tree = parsed.path(file.toString());
    assertThat(tree.isMissingNode()).as("%s parsed", file).isFalse();
    return tree;
  }
}

package io.github.asgkms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every complete CloudFormation template of the golden cases, each rendered in every format
 * ({@link GoldenCases#everyFormat()}), passes cfn-lint, the npm package at 1.9.7, which {@code
 * mvn verify} installs from {@code src/test/cfn-lint}'s lockfile. So does every key-policy
 * snippet, pasted into an {@code AWS::KMS::Key} as docs/output.md shows.
 *
 * <p>cfn-lint's data is from 2019, and it rejects properties AWS has added since. The test
 * accepts exactly the rejections listed in {@link #ADDED_SINCE_2019}, and checks each against
 * today's CloudFormation schema, from {@code @aws-cdk/aws-service-spec} (same lockfile). Every
 * other finding, warnings included, fails the test, and the templates are linted whole.
 */
class CloudFormationLintTest {
  /**
   * What cfn-lint 1.9.7 may reject as "not a valid property", as TYPE.PROPERTY[.SUBPROPERTY],
   * each one checked against today's schema below. None, today: the stack keeps to properties
   * CloudFormation had in 2019, so that a user's own cfn-lint accepts it too. The one it did
   * use, {@code AWS::Lambda::Function.LoggingConfig} (2023), which cfn-lint rejects although
   * {@code @aws-cdk/aws-service-spec} 0.1.216 has it with {@code LogGroup}, gave way to a log
   * group that the stack creates under the name Lambda writes to.
   */
  static final List<String> ADDED_SINCE_2019 = List.of();

  /** A property AWS added after 2019: cfn-lint 1.9.7 rejects it, today's schema has it. */
  private static final String LOGGING_CONFIG = "AWS::Lambda::Function.LoggingConfig.LogGroup";

  @TempDir Path temp;

  @Test
  void everyTemplatePassesCfnLintButForPropertiesAddedSince2019() throws Exception {
    Map<String, Path> templates = new TreeMap<>();
    Path cases = GoldenCases.everyFormat();
    for (Path stack : cloudFormationFiles(cases, "auto-scaling-account-stack.yaml")) {
      templates.put(cases.relativize(stack).toString(), stack);
    }
    List<Path> snippets = cloudFormationFiles(cases, "key-policy-");
    for (Path snippet : snippets) {
      templates.put(cases.relativize(snippet) + " in an AWS::KMS::Key",
          keyTemplate(cases.relativize(snippet), snippet));
    }
    assertThat(snippets).hasSizeGreaterThan(10);
    assertThat(templates).hasSizeGreaterThan(snippets.size() + 5);

    JsonNode report = CfnLint.run(temp, List.copyOf(templates.values()), List.of());

    assertThat(report.path("versions").path("cfn-lint").asText()).isEqualTo("1.9.7");
    templates.forEach((name, path) -> {
      JsonNode findings = report.path("templates").path(path.toString());
      assertThat(findings.isObject()).as("%s was linted", name).isTrue();
      assertThat(findings.path("warn")).as("%s: cfn-lint warnings", name).isEmpty();
      List<String> crits = new ArrayList<>();
      findings.path("crit").forEach(c -> crits.add(c.path("resource").asText() + ": "
          + c.path("message").asText()));
      assertThat(crits).as("%s: cfn-lint errors", name)
          .allSatisfy(crit -> assertThat(isAccepted(crit, ADDED_SINCE_2019)).as(crit).isTrue());
    });
  }

  @Test
  void whatCfnLintMayRejectIsInTodaysCloudFormationSchema() throws Exception {
    List<String> paths = new ArrayList<>(ADDED_SINCE_2019);
    String unknown = "AWS::Lambda::Function.LoggingConfig.NoSuchProperty";
    paths.addAll(List.of(LOGGING_CONFIG, unknown));

    JsonNode properties = CfnLint.run(temp, List.of(), paths).path("properties");

    for (String path : ADDED_SINCE_2019) {
      assertThat(properties.path(path).asBoolean()).as(path).isTrue();
    }
    // The lookup reads today's schema: it finds what came after 2019, and nothing made up.
    assertThat(properties.path(LOGGING_CONFIG).asBoolean()).isTrue();
    assertThat(properties.path(unknown).isBoolean()).isTrue();
    assertThat(properties.path(unknown).asBoolean()).isFalse();
  }

  /** A newer property is rejected by cfn-lint, and that rejection passes only when listed. */
  @Test
  void aRejectedNewerPropertyPassesOnlyWhenListed() throws Exception {
    Path template = Files.writeString(temp.resolve("logging-config.yaml"), """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Logs:
            Type: AWS::Logs::LogGroup
          Role:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - Effect: "Allow"
                    Principal:
                      Service: "lambda.amazonaws.com"
                    Action: "sts:AssumeRole"
          Function:
            Type: AWS::Lambda::Function
            Properties:
              Runtime: "python3.12"
              Handler: "index.handler"
              Role: !GetAtt Role.Arn
              LoggingConfig:
                LogGroup: !Ref Logs
              Code:
                ZipFile: "def handler(event, context): pass"
        """);

    JsonNode crit = CfnLint.run(temp, List.of(template), List.of())
        .path("templates").path(template.toString()).path("crit");

    assertThat(crit).hasSize(1);
    String finding = crit.get(0).path("resource").asText() + ": "
        + crit.get(0).path("message").asText();
    assertThat(isAccepted(finding, List.of(LOGGING_CONFIG))).as(finding).isTrue();
    assertThat(isAccepted(finding, List.of("AWS::Lambda::Function.Layers"))).isFalse();
    assertThat(isAccepted(finding, ADDED_SINCE_2019)).isFalse();
  }

  /**
   * The complete {@code AWS::KMS::Key} of docs/output.md passes cfn-lint, and what it shows
   * pasted is a generated snippet: the article's cross-account statements.
   */
  @Test
  void theDocumentedExamplePassesCfnLintAndHoldsAGeneratedSnippet() throws Exception {
    String example = readmeExample();
    Path template = Files.writeString(temp.resolve("readme-example.yaml"), example);

    JsonNode findings = CfnLint.run(temp, List.of(template), List.of())
        .path("templates").path(template.toString());

    assertThat(findings.path("crit")).as(findings.toString()).isEmpty();
    assertThat(findings.path("warn")).as(findings.toString()).isEmpty();
    ObjectMapper yaml = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper();
    JsonNode statements = yaml.readTree(example).path("Resources").path("GoldenAmiKey")
        .path("Properties").path("KeyPolicy").path("Statement");
    List<JsonNode> pasted = new ArrayList<>();
    statements.forEach(pasted::add);
    JsonNode snippet = yaml.readTree(GoldenCases.ROOT.resolve("article-cross-account/expected/"
        + "cloudformation/account-444455556666/key-policy-ebs.yaml").toFile());
    List<JsonNode> generated = new ArrayList<>();
    snippet.forEach(generated::add);
    assertThat(pasted.subList(1, pasted.size())).isEqualTo(generated);
  }

  /** The first YAML block of docs/output.md that declares a key, without its list indentation. */
  private static String readmeExample() throws Exception {
    String readme = Files.readString(Path.of("docs/output.md"), StandardCharsets.UTF_8);
    java.util.regex.Matcher block = java.util.regex.Pattern
        .compile("(?ms)^( *)```yaml\\n(.*?)^\\1```").matcher(readme);
    while (block.find()) {
      if (block.group(2).contains("Type: AWS::KMS::Key")) {
        return block.group(2).replaceAll("(?m)^" + block.group(1), "");
      }
    }
    throw new AssertionError("docs/output.md has no AWS::KMS::Key example");
  }

  /** The linter does look: an unknown property and a dangling reference are both reported. */
  @Test
  void cfnLintRejectsABrokenTemplate() throws Exception {
    Path broken = Files.writeString(temp.resolve("broken.yaml"), """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Role:
            Type: AWS::IAM::Role
            Properties:
              NoSuchProperty: 1
              AssumeRolePolicyDocument: !GetAtt Missing.Arn
        """);

    JsonNode crit = CfnLint.run(temp, List.of(broken), List.of())
        .path("templates").path(broken.toString()).path("crit");

    assertThat(crit.toString()).contains("NoSuchProperty is not a valid property",
        "No resource with logical name of Missing");
  }

  /**
   * Whether a finding is the rejection of a listed property: "P is not a valid property of T"
   * at "Resources > ... > P", where T.P starts a listed path.
   */
  static boolean isAccepted(String finding, List<String> accepted) {
    return accepted.stream().anyMatch(path -> {
      int dot = path.indexOf('.');
      String type = path.substring(0, dot);
      String property = path.substring(dot + 1).split("\\.")[0];
      return finding.endsWith("Properties > " + property + ": " + property
          + " is not a valid property of " + type);
    });
  }

  private static List<Path> cloudFormationFiles(Path cases, String namePrefix)
      throws Exception {
    try (Stream<Path> files = Files.walk(cases)) {
      return files
          .filter(p -> cases.relativize(p).toString().replace('\\', '/')
              .contains("/expected/cloudformation/"))
          .filter(p -> p.getFileName().toString().startsWith(namePrefix)).sorted().toList();
    }
  }

  /**
   * A template with one key whose policy is the usual root statement followed by the snippet,
   * indented under {@code Statement:} as a user pastes it; or, for a complete key policy
   * (fullKeyPolicy), the snippet itself as the {@code KeyPolicy}. It is written under the
   * snippet's {@code name}, its path among the cases, so that cfn-lint's report names the case.
   */
  private Path keyTemplate(Path name, Path snippet) throws Exception {
    List<String> lines = Files.readAllLines(snippet, StandardCharsets.UTF_8);
    boolean complete = lines.contains("Version: \"2012-10-17\"");
    StringBuilder template = new StringBuilder("""
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Key:
            Type: AWS::KMS::Key
            Properties:
              KeyPolicy:
        """);
    if (!complete) {
      template.append("        Version: \"2012-10-17\"\n")
          .append("        Statement:\n")
          .append("          - Sid: \"Enable IAM User Permissions\"\n")
          .append("            Effect: \"Allow\"\n")
          .append("            Principal:\n")
          .append("              AWS: !Sub \"arn:${AWS::Partition}:iam::${AWS::AccountId}:root\"\n")
          .append("            Action: \"kms:*\"\n")
          .append("            Resource: \"*\"\n");
    }
    String indent = complete ? "        " : "          ";
    for (String line : lines) {
      template.append(line.isEmpty() ? "" : indent + line).append('\n');
    }
    Path file = temp.resolve("snippets").resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, template);
  }

  /** Runs the Node checker that {@code mvn verify} installs from its lockfile. */
  static final class CfnLint {
    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode run(Path temp, List<Path> templates, List<String> properties)
        throws Exception {
      String script = System.getProperty("cfnLint.script", "target/cfn-lint/check-cfn.mjs");
      assertThat(Path.of(script)).as("the cfn-lint checker, installed by mvn's npm ci step")
          .exists();
      Path out = Files.createTempFile(temp, "cfn-lint", ".json");
      List<String> command = new ArrayList<>(List.of("node", script, "--json-out",
          out.toString()));
      properties.forEach(p -> command.addAll(List.of("--property", p)));
      templates.forEach(t -> command.add(t.toString()));
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(),
          StandardCharsets.UTF_8);
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as(output).isZero();
      return JSON.readTree(out.toFile());
    }
  }
}

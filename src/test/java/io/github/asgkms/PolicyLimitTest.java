package io.github.asgkms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.asgkms.output.GeneratedFile;
import io.github.asgkms.render.Format;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An IAM managed policy holds at most 6,144 characters, white space not counted. With 200 keys
 * in other accounts, the grant creator's policy, or the grant function's, is split into
 * several, deterministically, and all of them are attached; every policy fits, and together
 * they cover exactly the keys for every action the grant manager calls.
 */
class PolicyLimitTest {
  private static final int LIMIT = 6_144;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern POLICY_DOCUMENT = Pattern.compile(
      "data \"aws_iam_policy_document\" \"(\\w+)\" \\{(.*?)\n\\}", Pattern.DOTALL);
  private static final Pattern KEY_ARN = Pattern.compile("arn:aws:kms:[^\"]+");
  private static final Pattern KEY_ID = Pattern.compile("key_id\\s+= \"([^\"]+)\"");
  private static final Pattern DEPENDS_ON =
      Pattern.compile("depends_on = \\[(.*?)\n  \\]", Pattern.DOTALL);
  private static final Pattern ATTACHMENT =
      Pattern.compile("aws_iam_role_policy_attachment\\.\\w+");

  @TempDir Path temp;

  private static String spec(boolean leastPrivilege, String manager, List<String> arns) {
    StringBuilder yaml = new StringBuilder("version: 1\nautoScalingAccountId: \"111122223333\"\n")
        .append("leastPrivilege: ").append(leastPrivilege).append('\n')
        .append("grantManager: ").append(manager).append('\n')
        .append("grantCreator:\n  roleName: deployer\nkeys:\n");
    for (int i = 0; i < 200; i++) {
      String account = String.format("4444555566%02d", i % 3);
      String arn = String.format("arn:aws:kms:us-west-2:%s:key/%08x-0000-4000-8000-%012x",
          account, i, i);
      arns.add(arn);
      yaml.append("  - name: key-").append(i).append("\n    arn: ").append(arn).append('\n');
      if (leastPrivilege && i % 2 == 0) {
        yaml.append("    grantOperations: [Decrypt, CreateGrant]\n");
      }
    }
    return yaml.toString();
  }

  @ParameterizedTest(name = "leastPrivilege: {0}, grantManager: {1}")
  @CsvSource({"false, terraform", "true, terraform", "false, cloudformation",
      "true, cloudformation", "true, cli"})
  void twoHundredKeysSplitIntoPoliciesThatEachFit(boolean leastPrivilege, String manager)
      throws Exception {
    List<String> arns = new ArrayList<>();
    Path specFile = Files.writeString(temp.resolve("spec.yaml"),
        spec(leastPrivilege, manager, arns));
    GenerateRequest request = new GenerateRequest(specFile, "spec.yaml", temp.resolve("out"),
        EnumSet.allOf(Format.class), null);
    Map<String, String> files = new TreeMap<>();
    for (GeneratedFile file : Generator.render(request).files()) {
      files.put(file.path(), file.text());
    }
    boolean cloudFormation = manager.equals("cloudformation");
    // What each tool calls on every key: the grant creator's CreateGrant, and Terraform's
    // ListGrants (its role is the retiring principal, so no RetireGrant); the function's
    // CreateGrant only.
    List<String> actions = manager.equals("terraform")
        ? List.of("kms:CreateGrant", "kms:ListGrants") : List.of("kms:CreateGrant");

    // JSON: create-grant-policy.json, -2.json, ...: each fits, together exactly the keys.
    List<String> policyFiles = files.keySet().stream()
        .filter(p -> p.startsWith("json/account-111122223333/create-grant-policy")).toList();
    if (cloudFormation) {
      assertThat(policyFiles).isEmpty();
    } else {
      assertThat(policyFiles).hasSizeGreaterThan(1);
      Map<String, Set<String>> covered = new TreeMap<>();
      for (String path : policyFiles) {
        assertThat(nonWhiteSpace(files.get(path))).as(path).isLessThanOrEqualTo(LIMIT);
        JsonNode statements = JSON.readTree(files.get(path)).path("Statement");
        Set<String> sids = new HashSet<>();
        for (JsonNode statement : statements) {
          assertThat(sids.add(statement.path("Sid").asText())).as("unique Sid in " + path)
              .isTrue();
          covered.computeIfAbsent(statement.path("Action").asText(), a -> new TreeSet<>())
              .addAll(resources(statement));
        }
      }
      assertThat(covered.keySet()).containsExactlyElementsOf(actions);
      covered.values().forEach(keys -> assertThat(keys).containsExactlyInAnyOrderElementsOf(arns));
    }

    // CloudFormation: every managed policy fits. With the cloudformation manager, the
    // function's cover every key and its role holds them all; else the grant creator's do.
    JsonNode stack = new YAMLMapper().readTree(
        files.get("cloudformation/account-111122223333/auto-scaling-account-stack.yaml"));
    Set<String> functionCreate = new TreeSet<>();
    Map<String, Set<String>> creator = new TreeMap<>();
    List<String> functionPolicies = new ArrayList<>();
    stack.path("Resources").fields().forEachRemaining(resource -> {
      JsonNode body = resource.getValue();
      if (!body.path("Type").asText().equals("AWS::IAM::ManagedPolicy")) {
        return;
      }
      JsonNode document = body.path("Properties").path("PolicyDocument");
      assertThat(nonWhiteSpace(document.toString())).as(resource.getKey())
          .isLessThanOrEqualTo(LIMIT);
      boolean function = resource.getKey().startsWith("GrantFunctionPolicy");
      if (function) {
        functionPolicies.add(resource.getKey());
      }
      for (JsonNode statement : document.path("Statement")) {
        if (function) {
          assertThat(statement.path("Action").asText()).isEqualTo("kms:CreateGrant");
          functionCreate.addAll(resources(statement));
        } else {
          creator.computeIfAbsent(statement.path("Action").asText(), a -> new TreeSet<>())
              .addAll(resources(statement));
        }
      }
    });
    if (cloudFormation) {
      assertThat(functionCreate).containsExactlyInAnyOrderElementsOf(arns);
      assertThat(creator).isEmpty();
    } else {
      assertThat(functionPolicies).isEmpty();
      assertThat(creator.keySet()).containsExactlyElementsOf(actions);
      creator.values().forEach(keys -> assertThat(keys).containsExactlyInAnyOrderElementsOf(arns));
    }
    List<String> attached = new ArrayList<>();
    stack.path("Resources").path("GrantFunctionRole").path("Properties")
        .path("ManagedPolicyArns").forEach(ref -> attached.add(ref.asText()));
    assertThat(attached).containsExactlyInAnyOrderElementsOf(functionPolicies);

    // Terraform: one aws_iam_policy and one attachment per JSON document.
    String terraform = files.get("terraform/account-111122223333/create-grant-policy.tf");
    if (cloudFormation) {
      assertThat(terraform).isNull();
    } else {
      assertThat(count(terraform, "resource \"aws_iam_policy\"")).isEqualTo(policyFiles.size());
      assertThat(count(terraform, "resource \"aws_iam_role_policy_attachment\""))
          .isEqualTo(policyFiles.size());
    }
    if (manager.equals("terraform")) {
      assertEachGrantWaitsOnlyForThePoliciesNamingItsKey(files, arns, policyFiles.size());
    }

    // The same spec splits the same way every time.
    Map<String, String> again = new TreeMap<>();
    for (GeneratedFile file : Generator.render(request).files()) {
      again.put(file.path(), file.text());
    }
    assertThat(again).isEqualTo(files);
  }

  /**
   * A Terraform grant depends on the attachments of exactly the policies whose statements name
   * its key (CreateGrant, and ListGrants to read it back and see it gone), not on every policy:
   * else the grant files and Terraform's graph grow as grants times policies.
   */
  private static void assertEachGrantWaitsOnlyForThePoliciesNamingItsKey(
      Map<String, String> files, List<String> arns, int policies) {
    String folder = "terraform/account-111122223333/";
    Map<String, Set<String>> attachmentsByKey = new TreeMap<>();
    Matcher document = POLICY_DOCUMENT.matcher(files.get(folder + "create-grant-policy.tf"));
    while (document.find()) {
      Matcher arn = KEY_ARN.matcher(document.group(2));
      while (arn.find()) {
        attachmentsByKey.computeIfAbsent(arn.group(), k -> new TreeSet<>())
            .add("aws_iam_role_policy_attachment." + document.group(1));
      }
    }
    List<String> grantFiles = files.keySet().stream()
        .filter(p -> p.startsWith(folder + "grant-")).toList();
    assertThat(grantFiles).hasSameSizeAs(arns);
    for (String path : grantFiles) {
      String grant = files.get(path);
      Matcher key = KEY_ID.matcher(grant);
      assertThat(key.find()).as(path).isTrue();
      Set<String> expected = attachmentsByKey.get(key.group(1));
      Matcher dependsOn = DEPENDS_ON.matcher(grant);
      assertThat(dependsOn.find()).as(path).isTrue();
      List<String> attachments = ATTACHMENT.matcher(dependsOn.group(1)).results()
          .map(MatchResult::group).toList();
      assertThat(attachments).as(path).containsExactlyInAnyOrderElementsOf(expected)
          .hasSizeLessThan(policies);
    }
  }

  private static List<String> resources(JsonNode statement) {
    JsonNode resource = statement.path("Resource");
    List<String> values = new ArrayList<>();
    if (resource.isArray()) {
      resource.forEach(r -> values.add(r.asText()));
    } else {
      values.add(resource.asText());
    }
    return values;
  }

  private static long nonWhiteSpace(String text) {
    return text.chars().filter(c -> !Character.isWhitespace(c)).count();
  }

  private static int count(String text, String needle) {
    return (text.length() - text.replace(needle, "").length()) / needle.length();
  }
}

package io.github.asgkms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.asgkms.aws.GrantOperations;
import io.github.asgkms.output.GeneratedFile;
import io.github.asgkms.plan.AccountPlan;
import io.github.asgkms.plan.GrantPlan;
import io.github.asgkms.plan.IamPolicyPlan;
import io.github.asgkms.plan.KeyPlan;
import io.github.asgkms.plan.Plan;
import io.github.asgkms.plan.Planner;
import io.github.asgkms.plan.PolicyStatement;
import io.github.asgkms.render.Format;
import io.github.asgkms.render.Renderer;
import io.github.asgkms.render.TemplateEngine;
import io.github.asgkms.spec.SpecException;
import io.github.asgkms.spec.SpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Properties over random specs. Valid specs always render, every output parses, and the AWS
 * invariants hold. Mutated specs either render or fail with located spec errors, never with
 * anything else. The Terraform of every try is checked by the real HCL parser and formatter
 * in one batch at the end.
 */
class SpecPropertiesTest {
  private static final ObjectMapper STRICT_JSON = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY).build();
  private static final ObjectMapper YAML =
      new com.fasterxml.jackson.dataformat.yaml.YAMLMapper();
  private static final EnumSet<Format> FORMATS = Arrays.stream(Format.values())
      .collect(Collectors.toCollection(() -> EnumSet.noneOf(Format.class)));

  private static Renderer renderer;
  private static Path hclBatch;
  private static final AtomicInteger TRIES = new AtomicInteger();

  @BeforeContainer
  static void setUp() throws Exception {
    renderer = new Renderer(new TemplateEngine(null));
    hclBatch = Files.createTempDirectory("asg-kms-properties");
  }

  @AfterContainer
  static void checkAllTerraformInOneBatch() throws Exception {
    try {
      HclCheck.Result result = HclCheck.run(List.of(hclBatch));
      assertThat(result.exitCode()).as(result.output()).isZero();
    } finally {
      TestFiles.deleteRecursively(hclBatch);
    }
  }

  @Provide
  Arbitrary<String> validSpecs() {
    return RandomSpecs.specs();
  }

  @Property(tries = 300)
  void validSpecsRenderAndKeepTheAwsInvariants(@ForAll("validSpecs") String yaml)
      throws Exception {
    Plan plan = Planner.plan(SpecReader.parse(yaml, "spec.yaml"), "spec.yaml");
    List<GeneratedFile> files = renderer.render(plan, FORMATS);

    for (KeyPlan key : plan.keys()) {
      for (PolicyStatement statement : key.statements()) {
        for (String principal : statement.principals()) {
          if (principal.contains(":role/aws-service-role/")) {
            assertThat(principal).isEqualTo(plan.launchers().get(0).roleArn());
          } else {
            assertThat(key.crossAccount()).isTrue();
            assertThat(principal).isEqualTo("arn:" + plan.partition().id() + ":iam::"
                + plan.autoScalingAccountId() + ":root");
          }
        }
      }
    }
    for (AccountPlan account : plan.accounts()) {
      for (IamPolicyPlan policy : account.createGrantPolicies()) {
        assertThat(policy.statements())
            .allSatisfy(s -> assertThat(s.resources()).doesNotContain("*").isNotEmpty())
            .extracting(PolicyStatement::sid).allMatch(sid -> sid.matches("[A-Za-z0-9]+"))
            .doesNotHaveDuplicates();
      }
      for (GrantPlan grant : account.grants()) {
        assertThat(account.autoScalingAccount()).isTrue();
        assertThat(grant.granteePrincipal()).isEqualTo(plan.launchers().get(0).roleArn());
        assertThat(grant.operations()).isNotEmpty().doesNotHaveDuplicates()
            .allMatch(GrantOperations.VALID::contains);
      }
    }
    List<String> grantedKeys = plan.grants().stream().map(GrantPlan::keyName).toList();
    // No same-account key gets a grant; every cross-account key gets exactly one.
    assertThat(plan.keys().stream().filter(KeyPlan::crossAccount).map(KeyPlan::name).toList())
        .isEqualTo(grantedKeys);

    int tryNumber = TRIES.incrementAndGet();
    for (GeneratedFile file : files) {
      if (file.path().endsWith(".json")) {
        STRICT_JSON.readTree(file.content());
      } else if (file.path().endsWith(".yaml")) {
        assertThat(YAML.readTree(file.content()).isContainerNode()).isTrue();
      } else if (file.path().endsWith(".tf")) {
        Path target = hclBatch.resolve("try-" + tryNumber).resolve(file.path());
        Files.createDirectories(target.getParent());
        Files.write(target, file.content());
      }
    }
  }

  @Provide
  Arbitrary<String> mutatedSpecs() {
    Arbitrary<String> junk = Arbitraries.of("\t", "\"", "'", "&a ", "*a", "{", "}", "[", "]",
        ":", ": ", "-", "- ", "#", "\n", "  ", "~", "null", "${x}", "%{x}", "\\", "\u0000",
        "\uFEFF", "é", "\r", "!!binary ", "? ", "|", ">", "---\n", "...");
    return Combinators.combine(RandomSpecs.specs(), Arbitraries.integers().between(0, 6),
            Arbitraries.integers().greaterOrEqual(0), junk)
        .as(SpecPropertiesTest::mutate);
  }

  /** One mutation: insert, delete, duplicate, swap, truncate, re-indent or blank a value. */
  private static String mutate(String yaml, int kind, int position, String junk) {
    List<String> lines = RandomSpecs.lines(yaml);
    int line = position % lines.size();
    int at = position % (yaml.length() + 1);
    return switch (kind) {
      case 0 -> yaml.substring(0, at) + junk + yaml.substring(at);
      case 1 -> yaml.substring(0, at) + yaml.substring(Math.min(yaml.length(), at + 1 + position % 7));
      case 2 -> { lines.add(line, lines.get(line)); yield String.join("\n", lines); }
      case 3 -> { lines.add(line, lines.remove((position / 7) % lines.size())); yield String.join("\n", lines); }
      case 4 -> yaml.substring(0, at);
      case 5 -> { lines.set(line, " " + lines.get(line)); yield String.join("\n", lines); }
      default -> { lines.set(line, lines.get(line).replaceAll(":.*", ":")); yield String.join("\n", lines); }
    };
  }

  @Property(tries = 1000)
  void mutatedSpecsRenderOrFailWithLocatedErrors(@ForAll("mutatedSpecs") String yaml)
      throws Exception {
    try {
      Plan plan = Planner.plan(SpecReader.parse(yaml, "spec.yaml"), "spec.yaml");
      assertThat(renderer.render(plan, FORMATS)).isNotEmpty();
    } catch (SpecException e) {
      assertThat(e.errors()).isNotEmpty().allSatisfy(error -> {
        assertThat(error.mark()).isNotNull();
        assertThat(error.toString()).startsWith("spec.yaml:" + error.mark().line() + ":")
            .doesNotContain("\n");
      });
    }
  }
}

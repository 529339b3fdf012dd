package io.github.asgkms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated Terraform uses only what the AWS provider has: resource and data source types,
 * arguments, nested blocks and required arguments, and references to what each module declares
 * with attributes its type has. The schema is hashicorp/aws 6.25.0 as {@code @cdktf/provider-aws}
 * 21.22.1 ships it, which {@code mvn verify} installs from {@code src/test/provider-schema}'s
 * lockfile (see {@link ProviderSchemaCheck}).
 */
class ProviderSchemaTest {
  private static final String AGAINST =
      "hashicorp/aws 6.25.0 (@cdktf/provider-aws 21.22.1)";

  @TempDir Path temp;

  /**
   * Each {@code terraform/account-<id>/} folder of each golden case, rendered in every format
   * ({@link GoldenCases#everyFormat()}) whether the case declares Terraform or not, is a module:
   * applied alone, so everything it refers to must be declared in it. The folders are found
   * afresh on each run, so new cases and files are checked too. One run of the checker covers
   * them all.
   */
  @TestFactory
  Stream<DynamicTest> everyGoldenTerraformModuleMatchesTheProviderSchema() throws Exception {
    Path cases = GoldenCases.everyFormat();
    List<Path> modules = terraformModules(cases);
    assertThat(modules).hasSizeGreaterThan(10);
    ProviderSchemaCheck.Result result = ProviderSchemaCheck.run(modules);

    List<DynamicTest> tests = new ArrayList<>();
    for (Path module : modules) {
      String prefix = module + "/";
      tests.add(dynamicTest(cases.relativize(module).toString(), () -> assertThat(
          result.problems().stream().filter(line -> line.startsWith(prefix)).toList())
          .as(result.output())
          .isEmpty()));
    }
    tests.add(dynamicTest("all " + modules.size() + " modules were checked", () -> {
      assertThat(result.summary()).as(result.output())
          .matches("provider-schema: \\d+ files in " + modules.size() + " modules match "
              + java.util.regex.Pattern.quote(AGAINST));
      assertThat(result.exitCode()).isZero();
    }));
    return tests.stream();
  }

  @Test
  void problemsAreReportedOneLineEachWithFileAndBlock() throws Exception {
    Path unknownArgument = module("unknown-argument", "grant.tf", """
        resource "aws_kms_grant" "g" {
          key_id            = "arn:aws:kms:us-west-2:444455556666:key/1"
          grantee_principal = "arn:aws:iam::111122223333:role/r"
          operations        = ["Decrypt"]
          retire_on_destroy = true
        }
        """);
    Path misspeltBlock = module("misspelt-block", "key-policy.tf", """
        data "aws_iam_policy_document" "d" {
          statement {
            actions = ["kms:Decrypt"]

            principal {
              type        = "AWS"
              identifiers = ["arn:aws:iam::111122223333:root"]
            }
          }
        }
        """);
    Path undeclared = module("undeclared-resource", "policy.tf", """
        resource "aws_iam_role_policy_attachment" "a" {
          role       = "deployer"
          policy_arn = aws_iam_policy.missing.arn

          depends_on = [aws_iam_service_linked_role.asg_kms]
        }

        output "json" {
          value = data.aws_iam_policy_document.missing.json
        }
        """);
    Path noSuchAttribute = module("no-such-attribute", "outputs.tf", """
        resource "aws_iam_policy" "p" {
          policy = "{}"
        }

        output "arn" {
          value = "policy ${aws_iam_policy.p.arm}"
        }
        """);
    Path unknownType = module("unknown-type", "grant.tf", """
        resource "aws_kms_grnt" "g" {
          name = "asg-ebs"
        }

        resource "aws_kms_grant" "h" {
          grantee_principal = "arn:aws:iam::111122223333:role/r"
          operations        = ["Decrypt"]
        }
        """);

    ProviderSchemaCheck.Result result = ProviderSchemaCheck.run(
        List.of(misspeltBlock, noSuchAttribute, undeclared, unknownArgument, unknownType));

    assertThat(result.problems()).containsExactly(
        misspeltBlock.resolve("key-policy.tf") + ": data.aws_iam_policy_document.d: statement[0]:"
            + " \"principal\" is not an argument or block of statement"
            + " (did you mean \"principals\"?)",
        noSuchAttribute.resolve("outputs.tf") + ": output.arn: value refers to"
            + " aws_iam_policy.p.arm, but aws_iam_policy has no attribute \"arm\""
            + " (did you mean \"arn\"?)",
        undeclared.resolve("policy.tf") + ": output.json: value refers to"
            + " data.aws_iam_policy_document.missing, which is not declared in this module",
        undeclared.resolve("policy.tf") + ": aws_iam_role_policy_attachment.a: depends_on refers"
            + " to aws_iam_service_linked_role.asg_kms, which is not declared in this module",
        undeclared.resolve("policy.tf") + ": aws_iam_role_policy_attachment.a: policy_arn refers"
            + " to aws_iam_policy.missing, which is not declared in this module",
        unknownArgument.resolve("grant.tf") + ": aws_kms_grant.g: \"retire_on_destroy\" is not an"
            + " argument or block of aws_kms_grant (did you mean \"retire_on_delete\"?)",
        unknownType.resolve("grant.tf") + ": aws_kms_grant.h: missing required argument"
            + " \"key_id\" of aws_kms_grant",
        unknownType.resolve("grant.tf") + ": aws_kms_grnt.g: unknown resource type"
            + " \"aws_kms_grnt\" in hashicorp/aws 6.25.0 (did you mean \"aws_kms_grant\"?)");
    assertThat(result.summary())
        .isEqualTo("provider-schema: 8 problems in 5 files of 5 modules, checked against " + AGAINST);
    assertThat(result.exitCode()).isEqualTo(1);
  }

  /**
   * What Terraform allows passes: meta-arguments, lifecycle, dynamic blocks and their iterators,
   * for expressions, escaped {@code $${}}, provider aliases, the arguments the generated grants
   * use or are about to ({@code retiring_principal}, {@code depends_on} on a policy attachment).
   * A file named alone is checked with the rest of its folder as its module, and only it is
   * reported on.
   */
  @Test
  void whatTerraformAllowsPasses() throws Exception {
    Path allowed = module("allowed", "main.tf", """
        variable "operations" {
          type = list(string)
        }

        locals {
          key_arn = "arn:aws:kms:us-west-2:444455556666:key/1"
        }

        provider "aws" {
          alias  = "west"
          region = "us-west-2"
        }

        resource "aws_kms_grant" "g" {
          for_each           = toset(["a", "b"])
          provider           = aws.west
          region             = "us-west-2"
          name               = "asg-${each.key}"
          key_id             = local.key_arn
          grantee_principal  = aws_iam_role.r[0].arn
          retiring_principal = "arn:aws:iam::111122223333:root"
          operations         = [for op in var.operations : title(op)]
          retire_on_delete   = true

          dynamic "constraints" {
            for_each = [{ Department = "Finance" }]
            content {
              encryption_context_subset = constraints.value
            }
          }

          lifecycle {
            create_before_destroy = true
          }

          depends_on = [aws_iam_role_policy_attachment.a]
        }

        resource "aws_iam_role" "r" {
          count              = 1
          assume_role_policy = data.aws_iam_policy_document.d.json
        }

        resource "aws_iam_role_policy_attachment" "a" {
          role       = aws_iam_role.r[0].name
          policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
        }

        data "aws_iam_policy_document" "d" {
          statement {
            actions   = ["s3:GetObject"]
            resources = ["arn:aws:s3:::bucket/$${aws:username}/*"]

            principals {
              type        = "Service"
              identifiers = ["ec2.amazonaws.com"]
            }
          }
        }

        output "grant_ids" {
          value = [for g in aws_kms_grant.g : g.grant_id]
        }
        """);
    Path alone = module("file-alone", "grant.tf", """
        resource "aws_kms_grant" "g" {
          key_id            = "arn:aws:kms:us-west-2:444455556666:key/1"
          grantee_principal = aws_iam_service_linked_role.asg_kms.arn
          operations        = ["Decrypt"]
        }
        """);
    Files.writeString(alone.resolve("service-linked-role.tf"), """
        resource "aws_iam_service_linked_role" "asg_kms" {
          aws_service_name = "autoscaling.amazonaws.com"
          not_an_argument  = true
        }
        """, StandardCharsets.UTF_8);

    ProviderSchemaCheck.Result result =
        ProviderSchemaCheck.run(List.of(allowed, alone.resolve("grant.tf")));

    assertThat(result.problems()).as(result.output()).isEmpty();
    assertThat(result.summary()).isEqualTo("provider-schema: 2 files in 2 modules match " + AGAINST);
    assertThat(result.exitCode()).isZero();
  }

  /**
   * The schema read from the package agrees with the provider's documentation of
   * {@code aws_kms_grant} (website/docs/r/kms_grant.html.markdown: key_id, grantee_principal and
   * operations required; grant_id and grant_token exported), and is the 6.x schema: a regional
   * resource has the top-level {@code region} that 6.0 added, a global IAM one does not.
   */
  @Test
  void theSchemaIsTheProvidersOwn() throws Exception {
    ProviderSchemaCheck.Result grant =
        ProviderSchemaCheck.run(List.of(), "--describe", "aws_kms_grant");
    assertThat(grant.output().lines()).contains(
        "resource aws_kms_grant in " + AGAINST,
        "argument grantee_principal (required)",
        "argument key_id (required)",
        "argument operations (required)",
        "argument name",
        "argument region",
        "argument retire_on_delete",
        "argument retiring_principal",
        "block constraints",
        "argument constraints.encryption_context_equals",
        "attribute grant_id",
        "attribute grant_token");
    assertThat(grant.output().lines().filter(l -> l.endsWith("(required)")))
        .containsExactly("argument grantee_principal (required)", "argument key_id (required)",
            "argument operations (required)");

    ProviderSchemaCheck.Result policy =
        ProviderSchemaCheck.run(List.of(), "--describe", "aws_iam_policy");
    assertThat(policy.output().lines()).contains("argument policy (required)", "attribute arn")
        .doesNotContain("argument region");
  }

  /**
   * The schema is read from the package's JavaScript and checked against its jsii assembly, type
   * by type. Every resource, data source and the provider itself must pass that check, so that
   * a type the templates start using tomorrow is read as reliably as today's.
   */
  @Test
  void everyTypeInThePackageIsDerived() throws Exception {
    ProviderSchemaCheck.Result result = ProviderSchemaCheck.run(List.of(), "--self-check");
    assertThat(result.output()).containsPattern(
        "provider-schema: derived (\\d{4}) of \\1 types of " + java.util.regex.Pattern.quote(AGAINST));
    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  private Path module(String name, String file, String text) throws IOException {
    Path dir = Files.createDirectories(temp.resolve(name));
    Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
    return dir;
  }

  private static boolean holdsTerraform(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.anyMatch(p -> p.getFileName().toString().endsWith(".tf"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static List<Path> terraformModules(Path cases) throws IOException {
    List<Path> modules = new ArrayList<>();
    try (Stream<Path> folders = Files.list(cases)) {
      for (Path goldenCase : folders.sorted().toList()) {
        Path terraform = goldenCase.resolve("expected/terraform");
        if (!Files.isDirectory(terraform)) continue;
        try (Stream<Path> accounts = Files.list(terraform)) {
          // A folder with no .tf file (only its ACCESS.md) has nothing to apply.
          accounts.filter(Files::isDirectory)
              .filter(p -> p.getFileName().toString().startsWith("account-"))
              .filter(ProviderSchemaTest::holdsTerraform)
              .sorted()
              .forEach(modules::add);
        }
      }
    }
    return modules;
  }
}

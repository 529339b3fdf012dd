package io.github.asgkms.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HclReaderTest {
  @Test
  void readsBlocksAttributesStringsListsObjectsReferencesAndComments() throws Exception {
    Hcl.Body body = HclReader.read("a.tf", """
        # a comment
        // another
        /* and a
           block comment */
        terraform {
          required_providers {
            aws = {
              source  = "hashicorp/aws"
              version = ">= 6.0"
            }
          }
        }

        data "aws_iam_policy_document" "x" {
          statement {
            sid     = "Tab\\there \\"quoted\\" \\u00e9 \\U0001F600"
            actions = ["kms:Decrypt",
              "kms:ReEncrypt*", # trailing comma
            ]
            resources = ["$${aws:username}", "%%{literal}", "a$$b"]
          }
        }

        resource "aws_iam_policy" "p" { name = "one-line" }

        resource "aws_kms_grant" "g" {
          retire_on_delete = true
          depends_on       = [aws_iam_policy.p, data.x.y[0]]
          policy           = data.aws_iam_policy_document.x.json
        }
        """);
    assertThat(body.blocks()).extracting(Hcl.Block::type)
        .containsExactly("terraform", "data", "resource", "resource");
    Hcl.Body statement = body.blocks().get(1).body().blocks().get(0).body();
    assertThat(((Hcl.Literal) statement.attributes().get("sid").value()).value())
        .isEqualTo("Tab\there \"quoted\" \u00e9 \uD83D\uDE00");
    assertThat(((Hcl.Tuple) statement.attributes().get("actions").value()).items()).hasSize(2);
    assertThat(((Hcl.Tuple) statement.attributes().get("resources").value()).items())
        .extracting(e -> ((Hcl.Literal) e).value())
        .containsExactly("${aws:username}", "%{literal}", "a$$b");
    Hcl.Body grant = body.blocks().get(3).body();
    assertThat(((Hcl.Reference) grant.attributes().get("policy").value()).path())
        .containsExactly("data", "aws_iam_policy_document", "x", "json");
    assertThat(((Hcl.Tuple) grant.attributes().get("depends_on").value()).items())
        .extracting(e -> ((Hcl.Reference) e).text())
        .containsExactly("aws_iam_policy.p", "data.x.y.0");
    Hcl.ObjectValue aws = (Hcl.ObjectValue) body.blocks().get(0).body().blocks().get(0).body()
        .attributes().get("aws").value();
    assertThat(aws.entries()).containsOnlyKeys("source", "version");
  }

  @Test
  void whatItCannotReadIsAnErrorAtItsPlaceNeverSkipped() {
    for (List<String> bad : List.of(
        List.of("a = \"${var.x}\"\n", "a.tf:1:6: template interpolation (${...})"),
        List.of("a = \"%{ if x }\"\n", "a.tf:1:6: template interpolation (%{...})"),
        List.of("a = <<EOT\nx\nEOT\n", "a.tf:1:5: heredoc strings are not read"),
        List.of("a = jsonencode({})\n", "a.tf:1:5: function calls are not read"),
        List.of("a = 1 + 2\n", "a.tf:1:7: '+' is not read by the access model"),
        List.of("a = x ? y : z\n", "a.tf:1:7: '?' is not read"),
        List.of("a = [for s in x : s]\n", "a.tf:1:10: expected , or ], found 's'"),
        List.of("a = \"x\"\na = \"y\"\n", "a.tf:2:1: attribute 'a' set twice"),
        List.of("a = \"unterminated\n", "a.tf:1:5: a string that does not end on its line"),
        List.of("a = \"\\q\"\n", "a.tf:1:6: unknown escape \\q"),
        List.of("b {\n  a = 1\n", "a.tf:3:1: expected an attribute or block name, found the"
            + " end of the file"),
        List.of("/* open\n", "a.tf:1:1: a comment that does not end"))) {
      assertThatThrownBy(() -> HclReader.read("a.tf", bad.get(0)))
          .as(bad.get(0)).isInstanceOf(DocumentException.class)
          .hasMessageStartingWith(bad.get(1));
    }
  }
}

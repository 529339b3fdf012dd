[#ftl output_format="HCLString"]
[#--
  Shared macros for the Terraform templates. Values are escaped for HCL quoted strings by the
  HCLString output format: a template writes the quotes, the format makes the value safe.
  What every format says alike comes from common.ftl.
--]
[#import "/common.ftl" as common]

[#-- The header every file starts with, as comment lines. --]
[#macro header]
[#list common.headerLines() as line]
# [=line]
[/#list]
[/#macro]

[#--
  A Terraform name for a key. Key names are [a-z0-9-], so mapping every other character to _
  changes only the dashes; it also keeps any stranger name from reaching the unquoted
  references where a name is written bare.
--]
[#function id name]
  [#return "asg_kms_" + name?replace("[^a-z0-9]", "_", "r")]
[/#function]

[#-- The Terraform name of the grant creator's policy number index (from 0), and its attachment. --]
[#function createGrantPolicyId index]
  [#return names.numbered("asg_kms_create_grant", index, "_")]
[/#function]

[#-- A one-line list of quoted strings: ["a", "b"]. --]
[#macro list values][#list values as value]"[=value]"[#sep], [/#sep][/#list][/#macro]

[#-- One statement block of an aws_iam_policy_document. --]
[#macro statement s]
  statement {
    sid       = "[=s.sid]"
    effect    = "[=s.effect]"
    actions   = [[@list s.actions/]]
    resources = [[@list s.resources/]]
[#if s.principals?has_content]

    principals {
      type        = "AWS"
      identifiers = [[@list s.principals/]]
    }
[/#if]
[#list s.conditions as condition]

    condition {
      test     = "[=condition.test]"
      variable = "[=condition.variable]"
      values   = [[@list condition.values/]]
    }
[/#list]
  }
[/#macro]

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

[#--
  The Terraform name of the grant, from what names its files (names.grant): the key's plan
  name for Auto Scaling's grant, as before there were other launchers, else that and the
  launcher.
--]
[#function grantId grant]
  [#return id(names.grant(grant))]
[/#function]

[#--
  The Terraform name of a managed service-linked role: asg_kms for Auto Scaling's, as before
  there were other launchers, else asg_kms_ and the launcher (asg_kms_ec2_fleet).
--]
[#function serviceLinkedRoleId role]
  [#if role.launcher == "autoscaling"][#return "asg_kms"][/#if]
  [#return "asg_kms_" + role.launcher?replace("[^a-z0-9]", "_", "r")]
[/#function]

[#--
  The Terraform name of a launcher role's IAM policy, its document and its attachment, from
  the policy's name: names.identifier keeps apart names that differ only in characters a key
  name cannot hold, and the launcher_ prefix keeps them apart from every asg_kms_ name a key
  gives.
--]
[#function launcherRolePolicyId policy]
  [#return "launcher_" + names.identifier(policy.name)]
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

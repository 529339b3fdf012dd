[#ftl]
[#import "lib.ftl" as lib]
[#import "/common.ftl" as common]
[#assign id = lib.id(key.name)]
[#assign roles = plan.managedServiceLinkedRoles]
[@lib.header/]

[#if key.completePolicy]
# The complete key policy of [=key.name]: [=key.arn]
# It replaces the key's own policy, and keeps the key account's root statement so that the
# key can never be locked out.
[#else]
# Key policy statements for [=key.name]: [=key.arn]
# Merge them into the key's policy through source_policy_documents.
[/#if]
[#list common.replicaLines(key) as line]
# [=line]
[/#list]
data "aws_iam_policy_document" "[=id]" {
[#if account.autoScalingAccount && roles?has_content]
[#if roles?size == 1]
  # The statements name the service-linked role, which must exist before a key policy does.
  depends_on = [aws_iam_service_linked_role.[=lib.serviceLinkedRoleId(roles[0])]]
[#else]
  # The statements name the service-linked roles, which must exist before a key policy does.
  depends_on = [[#list roles as role]aws_iam_service_linked_role.[=lib.serviceLinkedRoleId(role)][#sep], [/#sep][/#list]]
[/#if]

[/#if]
[#list key.statements as statement]
[@lib.statement statement/]
[#sep]

[/#sep]
[/#list]
}
[#if key.completePolicy]

resource "aws_kms_key_policy" "[=id]" {
  region                             = "[=key.region]"
  key_id                             = "[=key.arn]"
  policy                             = data.aws_iam_policy_document.[=id].json
  bypass_policy_lockout_safety_check = false
}
[/#if]

output "[=id]_key_policy_json" {
  description = "Key policy statements that let [#if common.autoScalingOnly()]Auto Scaling[#else]the launchers[/#if] use [=key.name]."
  value       = data.aws_iam_policy_document.[=id].json
}

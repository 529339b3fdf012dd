[#ftl]
[#import "lib.ftl" as lib]
[#assign id = lib.id(key.name)]
[@lib.header/]

[#if key.completePolicy]
# The complete key policy of [=key.name]: [=key.arn]
# It replaces the key's own policy, and keeps the key account's root statement so that the
# key can never be locked out.
[#else]
# Key policy statements for [=key.name]: [=key.arn]
# Merge them into the key's policy through source_policy_documents.
[/#if]
data "aws_iam_policy_document" "[=id]" {
[#if account.autoScalingAccount && plan.managedServiceLinkedRoles?has_content]
  # The statements name the service-linked role, which must exist before a key policy does.
  depends_on = [aws_iam_service_linked_role.asg_kms]

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
  description = "Key policy statements that let Auto Scaling use [=key.name]."
  value       = data.aws_iam_policy_document.[=id].json
}

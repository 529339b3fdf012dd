[#ftl]
[#import "lib.ftl" as lib]
[@lib.header/]

# Key policy statements for [=key.name]: [=key.arn]
# Merge them into the key's policy through source_policy_documents.
data "aws_iam_policy_document" "[=lib.id(key.name)]" {
[#if account.autoScalingAccount && plan.newServiceLinkedRole??]
  # The statements name the service-linked role, which must exist before a key policy does.
  depends_on = [aws_iam_service_linked_role.asg_kms]

[/#if]
[#list key.statements as statement]
  statement {
    sid       = "[=statement.sid]"
    effect    = "[=statement.effect]"
    actions   = [[@lib.list statement.actions/]]
    resources = [[@lib.list statement.resources/]]

    principals {
      type        = "AWS"
      identifiers = [[@lib.list statement.principals/]]
    }
[#list statement.conditions as condition]

    condition {
      test     = "[=condition.test]"
      variable = "[=condition.variable]"
      values   = [[@lib.list condition.values/]]
    }
[/#list]
  }
[#sep]

[/#sep]
[/#list]
}

output "[=lib.id(key.name)]_key_policy_json" {
  description = "Key policy statements that let Auto Scaling use [=key.name]."
  value       = data.aws_iam_policy_document.[=lib.id(key.name)].json
}

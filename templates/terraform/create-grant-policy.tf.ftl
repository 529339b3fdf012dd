[#ftl]
[#import "lib.ftl" as lib]
[@lib.header/]

# Lets the identity that creates the grants call kms:CreateGrant on exactly the keys in
# other accounts.
data "aws_iam_policy_document" "asg_kms_create_grant" {
[#list policy.statements as statement]
  statement {
    sid       = "[=statement.sid]"
    effect    = "[=statement.effect]"
    actions   = [[@lib.list statement.actions/]]
    resources = [[@lib.list statement.resources/]]
  }
[#sep]

[/#sep]
[/#list]
}

resource "aws_iam_policy" "asg_kms_create_grant" {
  name        = "[=policy.name]"
  description = "Create the KMS grants that let Auto Scaling use keys in other accounts."
  policy      = data.aws_iam_policy_document.asg_kms_create_grant.json
}
[#if policy.roleName??]

resource "aws_iam_role_policy_attachment" "asg_kms_create_grant" {
  role       = "[=policy.roleName]"
  policy_arn = aws_iam_policy.asg_kms_create_grant.arn
}
[/#if]

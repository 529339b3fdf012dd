[#ftl]
[#import "lib.ftl" as lib]
[@lib.header/]

# Lets the identity that creates the grants call kms:CreateGrant on exactly the keys in
# other accounts[#if policies?size > 1], in [=policies?size] policies: an IAM managed policy holds
# 6,144 characters at most[/#if].
[#list policies as policy]
[#assign id = "asg_kms_create_grant" + (policy?index > 0)?then("_" + (policy?index + 1), "")]
data "aws_iam_policy_document" "[=id]" {
[#list policy.statements as statement]
[@lib.statement statement/]
[#sep]

[/#sep]
[/#list]
}

resource "aws_iam_policy" "[=id]" {
  name        = "[=policy.name]"
  description = "Create the KMS grants that let Auto Scaling use keys in other accounts."
  policy      = data.aws_iam_policy_document.[=id].json
}
[#if policy.roleName??]

resource "aws_iam_role_policy_attachment" "[=id]" {
  role       = "[=policy.roleName]"
  policy_arn = aws_iam_policy.[=id].arn
}
[/#if]
[#sep]

[/#sep]
[/#list]

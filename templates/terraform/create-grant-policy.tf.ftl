[#ftl]
[#import "lib.ftl" as lib]
[@lib.header/]

# Lets the identity that creates the grants call kms:CreateGrant on exactly the keys in
# other accounts.
[#if plan.grantManager.id() == "terraform"]
# Terraform also reads each grant back with kms:ListGrants, on every plan and after destroy.
[#if !policies[0].roleName??]
# It retires a grant on destroy as its retiring principal, the account, which delegates that
# to IAM: hence kms:RetireGrant. A named role that is the retiring principal needs none.
[/#if]
[/#if]
[#if policies?size > 1]
# In [=policies?size] policies: an IAM managed policy holds 6,144 characters at most.
[/#if]
[#list policies as policy]
[#assign id = lib.createGrantPolicyId(policy?index)]
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

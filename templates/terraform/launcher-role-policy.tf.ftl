[#ftl]
[#import "lib.ftl" as lib]
[@lib.header/]

# A role of your own that calls RunInstances itself needs, for a key in another account, the
# key's use from its own IAM policy as well as from the key policy; only through EC2
# (kms:ViaService), as the key policy allows it. Each policy is attached to its role here.
# An IAM managed policy holds 6,144 characters at most, so many keys take several.
[#list policies as policy]
[#assign id = lib.launcherRolePolicyId(policy)]

data "aws_iam_policy_document" "[=id]" {
[#list policy.statements as statement]
[@lib.statement statement/]
[#sep]

[/#sep]
[/#list]
}

resource "aws_iam_policy" "[=id]" {
  name        = "[=policy.name]"
  description = "Use the KMS keys in other accounts through EC2, for role [=policy.roleName]."
  policy      = data.aws_iam_policy_document.[=id].json
}

resource "aws_iam_role_policy_attachment" "[=id]" {
  role       = "[=policy.roleName]"
  policy_arn = aws_iam_policy.[=id].arn
}
[/#list]

[#ftl]
[#import "lib.ftl" as lib]
[#assign role = roles[0]]
[@lib.header/]

# The Auto Scaling service-linked role, created here because the spec sets
# createServiceLinkedRole: a new account has none until its first Auto Scaling group exists,
# and KMS refuses a key policy or a grant that names a role that does not exist yet. Keep it
# only where no other configuration owns the role.
resource "aws_iam_service_linked_role" "asg_kms" {
  aws_service_name = "[=role.awsServiceName]"
[#if role.customSuffix??]
  custom_suffix    = "[=role.customSuffix]"
[/#if]
}

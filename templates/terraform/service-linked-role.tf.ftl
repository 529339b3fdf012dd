[#ftl]
[#import "lib.ftl" as lib]
[#import "/common.ftl" as common]
[#assign several = roles?size > 1]
[#assign what = several?then("The launchers' service-linked roles",
    "The " + common.serviceName(roles[0].launcher) + " service-linked role")]
[#assign it = several?then("them", "it")]
[@lib.header/]

[#if plan.importServiceLinkedRoles]
# [=what], adopted rather than created because the spec sets
# importServiceLinkedRoles: [#if several]they exist[#else]it exists[/#if] already, and the import blocks of
# import-service-linked-roles.tf bring [=it] into Terraform's state on the first apply.
# Terraform then owns [=it]: destroying this configuration deletes [=it] (see that file).
[#elseif !several && roles[0].launcher == "autoscaling"]
# The Auto Scaling service-linked role, created here because the spec sets
# createServiceLinkedRole: a new account has none until its first Auto Scaling group exists,
# and KMS refuses a key policy or a grant that names a role that does not exist yet. Keep it
# only where no other configuration owns the role.
[#else]
# [=what], created here because the spec sets
# createServiceLinkedRole: a new account has none until the service first launches an
# instance, and KMS refuses a key policy or a grant that names a role that does not exist
# yet. Keep [=it] only where no other configuration owns [=it].
[/#if]
[#list roles as role]
[#if several]

# [=common.serviceName(role.launcher)]: [=role.roleName]
[/#if]
resource "aws_iam_service_linked_role" "[=lib.serviceLinkedRoleId(role)]" {
  aws_service_name = "[=role.awsServiceName]"
[#if role.customSuffix??]
  custom_suffix    = "[=role.customSuffix]"
[/#if]
[#if plan.importServiceLinkedRoles]

  # The provider reads the role's description back, and an adopted role has the one its
  # service gave it: without this, the first apply would clear it.
  lifecycle {
    ignore_changes = [description]
  }
[/#if]
}
[/#list]

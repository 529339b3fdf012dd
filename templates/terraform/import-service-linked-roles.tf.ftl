[#ftl]
[#import "lib.ftl" as lib]
[#import "/common.ftl" as common]
[@lib.header/]

# Adopts the existing service-linked roles that service-linked-role.tf declares, instead of
# creating them, because the spec sets importServiceLinkedRoles. The AWS provider imports an
# aws_iam_service_linked_role by the role's ARN (hashicorp/terraform-provider-aws,
# website/docs/r/iam_service_linked_role.html.markdown, "Import"). Import blocks need
# Terraform 1.5 or later, which versions.tf requires.
#
# Terraform allows import blocks only in the root module: when this folder is used as a
# module, move them to the root module and prefix each "to" with the module's address
# (module.<name>.aws_iam_service_linked_role...).
#
# Once imported, the roles are this configuration's: destroying it deletes them, though the
# services still launch with them. To keep them, first take them out of the state with
# terraform state rm, or a removed block with destroy = false (Terraform 1.7 or later).
[#list roles as role]

import {
  to = aws_iam_service_linked_role.[=lib.serviceLinkedRoleId(role)]
  id = "[=role.roleArn]"
}
[/#list]

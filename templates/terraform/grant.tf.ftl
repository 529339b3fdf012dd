[#ftl]
[#import "lib.ftl" as lib]
[@lib.header/]

# Grant on [=grant.keyName], a key in another account, for the Auto Scaling service-linked role.
# It must be created from the Auto Scaling account, and in the key's Region.
resource "aws_kms_grant" "[=lib.id(grant.keyName)]" {
  region            = "[=grant.region]"
  name              = "[=grant.name]"
  key_id            = "[=grant.keyArn]"
  grantee_principal = "[=grant.granteePrincipal]"
  operations        = [[@lib.list grant.operations/]]

  # Revoking needs kms:RevokeGrant in the key's own policy, which the key account does not
  # give; the account that created a grant may always retire it.
  retire_on_delete = true
[#if plan.newServiceLinkedRole??]

  # The grantee must exist before the grant names it.
  depends_on = [aws_iam_service_linked_role.asg_kms]
[/#if]
}

output "[=lib.id(grant.keyName)]_grant_id" {
  description = "ID of the grant on [=grant.keyName]."
  value       = aws_kms_grant.[=lib.id(grant.keyName)].grant_id
}

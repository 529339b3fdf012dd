[#ftl]
[#import "lib.ftl" as lib]
[#import "/common.ftl" as common]
[#assign policies = account.createGrantPolicies]
[#assign attached = policies?has_content && policies[0].roleName??]
[#-- Only the role this grant names: the grants for other launchers wait for their own. --]
[#assign grantee = common.granteeRole(grant)]
[#assign managedRole = grantee.launcher??]
[#assign id = lib.grantId(grant)]
[@lib.header/]

# Grant on [=grant.keyName], a key in another account, for the [=common.serviceName(grant.launcher)] service-linked role.
# It must be created from the Auto Scaling account, and in the key's Region. Terraform reads
# it back with ListGrants on every plan, which the key policy allows this account.
resource "aws_kms_grant" "[=id]" {
  region             = "[=grant.region]"
  name               = "[=grant.name]"
  key_id             = "[=grant.keyArn]"
  grantee_principal  = "[=grant.granteePrincipal]"
  operations         = [[@lib.list grant.operations/]]
  retiring_principal = "[=grant.retiringPrincipal]"

  # Destroy retires the grant as its retiring principal: revoking would need kms:RevokeGrant
  # in the key's own policy, which the key account does not give.
  retire_on_delete = true
[#if attached || managedRole]

[#if attached && policies?size > 1]
[#if managedRole]
  # The grantee must exist before the grant names it.
[/#if]
  # Of the grant creator's policies, those that allow its calls on this key must be attached
  # before it calls CreateGrant, and stay until destroy has retired the grant and seen it gone.
[#elseif attached && managedRole]
  # The grantee must exist before the grant names it, and the grant creator's policy must be
  # attached before it calls CreateGrant.
[#elseif attached]
  # The grant creator's policy must be attached before it calls CreateGrant.
[#else]
  # The grantee must exist before the grant names it.
[/#if]
  depends_on = [
[#if attached]
[#list grant.creatorPolicyIndexes as index]
    aws_iam_role_policy_attachment.[=lib.createGrantPolicyId(index)],
[/#list]
[/#if]
[#if managedRole]
    aws_iam_service_linked_role.[=lib.serviceLinkedRoleId(grantee)],
[/#if]
  ]
[/#if]
}

output "[=id]_grant_id" {
  description = "ID of the grant on [=grant.keyName][#if grant.launcher != "autoscaling"] for the [=common.serviceName(grant.launcher)] service-linked role[/#if]."
  value       = aws_kms_grant.[=id].grant_id
}

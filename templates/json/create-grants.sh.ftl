[#ftl]
[#import "/common.ftl" as common]
[#--
  A line break would end a comment, and quoting cannot stop it: control characters go. The
  header is left unquoted, as it is typed: in a comment the shell never reads it.
--]
[#function printable text][#return text?replace("[\\p{Cntrl}\\u2028\\u2029]", "?", "r")][/#function]
#!/bin/sh
[#list common.headerLines() as line]
# [=printable(line)?no_esc]
[/#list]
#
[#if common.autoScalingOnly()]
# Creates the KMS grants that let the Auto Scaling service-linked role use keys in other
# accounts. A grant must be created from the account that owns the Auto Scaling groups, not
# from the key's account, so the script stops unless its credentials are of that account.
[#else]
# Creates the KMS grants that let the launchers' service-linked roles use keys in other
# accounts, one per key and role. A grant must be created from the account that owns the
# Auto Scaling groups, not from the key's account, so the script stops unless its
# credentials are of that account.
[/#if]
# Every call names its Region: with none configured, the CLI would send STS to the global
# endpoint of the aws partition, where credentials of another partition are not valid.
set -eu

expected_account=[=account.accountId]
caller_account=$(aws sts get-caller-identity --region [=account.grants[0].region] --query Account --output text)
if [ "$caller_account" != "$expected_account" ]; then
  echo "create-grants.sh: these credentials are of account $caller_account; run it with credentials of account $expected_account, which owns the Auto Scaling groups" >&2
  exit 1
fi
[#list account.grants as grant]

[#if grant.launcher == "autoscaling"]
printf 'Creating grant %s on key %s\n' [=grant.name] [=grant.keyName]
[#else]
printf 'Creating grant %s on key %s for the %s service-linked role\n' [=grant.name] [=grant.keyName] [=common.serviceName(grant.launcher)]
[/#if]
aws kms create-grant --key-id [=grant.keyArn] --grantee-principal [=grant.granteePrincipal] --operations[#list grant.operations as operation] [=operation][/#list] --name [=grant.name] --retiring-principal [=grant.retiringPrincipal] --region [=grant.region]
[/#list]

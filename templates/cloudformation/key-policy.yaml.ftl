[#ftl]
[#import "lib.ftl" as lib]
[#import "/common.ftl" as common]
[@lib.header/]
#
[#if key.completePolicy]
# The complete key policy of [=key.name]: [=key.arn]
# Paste it, indented, as the KeyPolicy: of that key's AWS::KMS::Key in account
# [=key.accountId]. It replaces the key's own policy, and keeps the key account's root
# statement so that the key can never be locked out.
[#else]
# Key policy statements for [=key.name]: [=key.arn]
# Paste them, indented, under KeyPolicy: Statement: of that key's AWS::KMS::Key in account
# [=key.accountId], next to the key's own statements.
[/#if]
[#list common.replicaLines(key) as line]
# [=line]
[/#list]
[#if !key.crossAccount && plan.managedServiceLinkedRoles?has_content]
[#if plan.managedServiceLinkedRoles?size == 1]
# They name the service-linked role that auto-scaling-account-stack.yaml creates: deploy that
# stack first.
[#else]
# They name the service-linked roles that auto-scaling-account-stack.yaml creates: deploy that
# stack first.
[/#if]
[/#if]
[#if key.completePolicy]
Version: "2012-10-17"
Statement:
[#list key.statements as statement]
[@lib.statement statement "  " true/]
[/#list]
[#else]
[#list key.statements as statement]
[@lib.statement statement "" true/]
[/#list]
[/#if]

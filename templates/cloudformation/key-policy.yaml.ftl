[#ftl]
[#import "lib.ftl" as lib]
[@lib.header/]
#
# Key policy statements for [=key.name]: [=key.arn]
# Paste them, indented, under KeyPolicy: Statement: of that key's AWS::KMS::Key in account
# [=key.accountId], next to the key's own statements.
[#if !key.crossAccount && plan.newServiceLinkedRole??]
# They name the service-linked role that auto-scaling-account-stack.yaml creates: deploy that
# stack first.
[/#if]
[#list key.statements as statement]
[@lib.statement statement "" true/]
[/#list]

[#ftl output_format="YAMLString"]
[#--
  Shared macros for the CloudFormation templates. Values are escaped for YAML double-quoted
  scalars by the YAMLString output format: a template writes the quotes, the format makes the
  value safe. Logical IDs are written bare: names.grantLogicalId makes them letters and
  digits only. What every format says alike comes from common.ftl.
--]
[#import "/common.ftl" as common]

[#-- The header every file starts with, as comment lines. --]
[#macro header]
[#list common.headerLines() as line]
# [=line]
[/#list]
[/#macro]

[#--
  The logical ID of a managed service-linked role: ServiceLinkedRole for Auto Scaling's, as
  before there were other launchers, else the launcher in CamelCase before it
  (Ec2FleetServiceLinkedRole, SpotFleetServiceLinkedRole). Launcher IDs are [a-z0-9-], so
  the ID is letters and digits, and none ends with Grant or holds RolePolicy, as the grants'
  and the launcher role policies' IDs do.
--]
[#function serviceLinkedRoleLogicalId role]
  [#if role.launcher == "autoscaling"][#return "ServiceLinkedRole"][/#if]
  [#local id = ""]
  [#list role.launcher?split("-") as part][#local id = id + part?cap_first][/#list]
  [#return id?replace("[^A-Za-z0-9]", "", "r") + "ServiceLinkedRole"]
[/#function]

[#-- "name: value" for one value, or "name:" and a list: the same shapes as the JSON output. --]
[#macro values name values indent alwaysList=false]
[#if values?size == 1 && !alwaysList]
[=indent][=name]: "[=values[0]]"
[#else]
[=indent][=name]:
[#list values as value]
[=indent]  - "[=value]"
[/#list]
[/#if]
[/#macro]

[#-- A condition value: Bool conditions take YAML booleans, as the JSON output does. --]
[#macro conditionValue test value]
[#if common.bareBoolean(test, value)][=value][#else]"[=value]"[/#if][#t]
[/#macro]

[#--
  One policy statement as a list item, in the JSON output's shapes, so that both read as the
  same policy: key-policy statements keep lists for Principal and Action, and a lone Action or
  Resource of an IAM statement is written bare.
--]
[#macro statement s indent keyPolicy]
[=indent]- Sid: "[=s.sid]"
[=indent]  Effect: "[=s.effect]"
[#if s.principals?has_content]
[=indent]  Principal:
[@values "AWS" s.principals indent + "    " true/]
[/#if]
[@values "Action" s.actions indent + "  " keyPolicy/]
[@values "Resource" s.resources indent + "  "/]
[#if s.conditions?has_content]
[=indent]  Condition:
[#list common.conditionTests(s) as test]
[=indent]    "[=test]":
[#list common.conditionsOf(s, test) as c]
[#if c.values?size == 1]
[=indent]      "[=c.variable]": [@conditionValue c.test c.values[0]/]
[#else]
[=indent]      "[=c.variable]":
[#list c.values as v]
[=indent]        - [@conditionValue c.test v/]
[/#list]
[/#if]
[/#list]
[/#list]
[/#if]
[/#macro]

[#ftl output_format="JSONString"]
[#--
  Shared macros for the JSON templates. Values are escaped for JSON strings by the JSONString
  output format: a template writes the quotes, the format makes the value safe. Macros emit
  no final line break ([#t]); the caller's line ends it. What every format says alike comes
  from common.ftl.
--]
[#import "/common.ftl" as common]

[#-- One value, or an array of them: the article writes a lone Action or Resource bare. --]
[#macro value values indent alwaysArray=false]
[#if values?size == 1 && !alwaysArray]"[=values[0]]"[#else][
[#list values as value]
[=indent]  "[=value]"[#sep],[/#sep]
[/#list]
[=indent]][/#if][#t]
[/#macro]

[#-- A condition value: Bool conditions take JSON booleans, as in the article. --]
[#macro conditionValue test value]
[#if common.bareBoolean(test, value)][=value][#else]"[=value]"[/#if][#t]
[/#macro]

[#macro conditionValues c indent]
[#if c.values?size == 1][@conditionValue c.test c.values[0]/][#else][
[#list c.values as v]
[=indent]  [@conditionValue c.test v/][#sep],[/#sep]
[/#list]
[=indent]][/#if][#t]
[/#macro]

[#--
  One policy statement. Key-policy statements keep the article's arrays for Principal and
  Action; an IAM statement writes a lone Action or Resource bare, as the article does.
--]
[#macro statement s indent keyPolicy]
[=indent]{
[=indent]  "Sid": "[=s.sid]",
[=indent]  "Effect": "[=s.effect]",
[#if s.principals?has_content]
[=indent]  "Principal": {
[=indent]    "AWS": [@value s.principals indent + "    " true/]
[=indent]  },
[/#if]
[=indent]  "Action": [@value s.actions indent + "  " keyPolicy/],
[=indent]  "Resource": [@value s.resources indent + "  "/][#if s.conditions?has_content],[/#if]
[#if s.conditions?has_content]
[=indent]  "Condition": {
[#list common.conditionTests(s) as test]
[=indent]    "[=test]": {
[#list common.conditionsOf(s, test) as c]
[=indent]      "[=c.variable]": [@conditionValues c indent + "      "/][#sep],[/#sep]
[/#list]
[=indent]    }[#sep],[/#sep]
[/#list]
[=indent]  }
[/#if]
[=indent]}[#t]
[/#macro]

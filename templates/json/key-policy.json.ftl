[#ftl]
[#import "lib.ftl" as lib]
[#if key.completePolicy]
{
  "Version": "2012-10-17",
  "Statement": [
[#list key.statements as statement]
[@lib.statement statement "    " true/][#sep],[/#sep][#nt]
[/#list]
  ]
}
[#else]
[
[#list key.statements as statement]
[@lib.statement statement "  " true/][#sep],[/#sep][#nt]
[/#list]
]
[/#if]

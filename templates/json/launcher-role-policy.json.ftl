[#ftl]
[#import "lib.ftl" as lib]
{
  "Version": "2012-10-17",
  "Statement": [
[#list policy.statements as statement]
[@lib.statement statement "    " false/][#sep],[/#sep][#nt]
[/#list]
  ]
}

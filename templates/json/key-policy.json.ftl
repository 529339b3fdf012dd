[#ftl]
[#import "lib.ftl" as lib]
[
[#list key.statements as statement]
[@lib.statement statement "  " true/][#sep],[/#sep][#nt]
[/#list]
]

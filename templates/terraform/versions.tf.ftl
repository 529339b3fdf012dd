[#ftl]
[#import "lib.ftl" as lib]
[#assign imports = account.autoScalingAccount && plan.importServiceLinkedRoles
    && plan.managedServiceLinkedRoles?has_content]
[@lib.header/]

# Apply this folder with credentials of account [=account.accountId][#if account.autoScalingAccount], which owns the Auto Scaling groups[#else], which owns the keys[/#if].
terraform {
[#if imports]
  # import-service-linked-roles.tf: import blocks arrived in Terraform 1.5.
  required_version = ">= 1.5.0"

[/#if]
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.0"
    }
  }
}

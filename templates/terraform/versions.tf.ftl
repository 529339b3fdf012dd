[#ftl]
[#import "lib.ftl" as lib]
[@lib.header/]

# Apply this folder with credentials of account [=account.accountId][#if account.autoScalingAccount], which owns the Auto Scaling groups[#else], which owns the keys[/#if].
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.0"
    }
  }
}

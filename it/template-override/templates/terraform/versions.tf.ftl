[#ftl]
# Platform team's pins for account [=account.accountId], from [=plan.specLabel].
terraform {
  required_version = ">= 1.10"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.20"
    }
  }
}

# Key account 444455556666: the policy of the key golden-ami, which Auto Scaling in account
# 111122223333 launches from. Apply it first, with credentials of this account:
#   terraform init && terraform apply
# Then apply ../auto-scaling-account, whose grant on this key the policy allows.

terraform {
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.0"
    }
  }
}

provider "aws" {
  region              = "us-west-2"
  allowed_account_ids = ["444455556666"]
}

# The statements the plugin generated for this account's keys, from
# examples/src/main/asg-kms/asg-kms.yaml (mvn generate-sources in examples/).
module "asg_kms" {
  source = "../../../target/generated-sources/asg-kms/terraform/account-444455556666"
}

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

# The key's own statement, first: aws_kms_key_policy replaces the whole policy, and without
# this statement the account could no longer manage the key.
data "aws_iam_policy_document" "golden_ami_own" {
  statement {
    sid       = "Enable IAM User Permissions"
    effect    = "Allow"
    actions   = ["kms:*"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
  }
}

# The key's own statement, then the generated ones, in that order.
data "aws_iam_policy_document" "golden_ami" {
  source_policy_documents = [
    data.aws_iam_policy_document.golden_ami_own.json,
    module.asg_kms.asg_kms_golden_ami_key_policy_json,
  ]
}

resource "aws_kms_key_policy" "golden_ami" {
  key_id                             = "arn:aws:kms:us-west-2:444455556666:key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4d"
  policy                             = data.aws_iam_policy_document.golden_ami.json
  bypass_policy_lockout_safety_check = false
}

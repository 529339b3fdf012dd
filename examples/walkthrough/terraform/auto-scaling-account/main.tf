# Auto Scaling account 111122223333: the policy of its own key app-ebs, and the grant that
# lets its Auto Scaling service-linked role use golden-ami in account 444455556666. Apply it
# after ../key-account, with the credentials of the role deployer of this account, which
# the spec names as the grant creator (grantCreator.roleName):
#   terraform init && terraform apply
# The service-linked role AWSServiceRoleForAutoScaling must exist already: it does once the
# account has had an Auto Scaling group; otherwise set createServiceLinkedRole in the spec.

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
  allowed_account_ids = ["111122223333"]
}

# The grant on golden-ami, the CreateGrant policy attached to deployer, and the statements
# for app-ebs, generated from examples/src/main/asg-kms/asg-kms.yaml.
module "asg_kms" {
  source = "../../../target/generated-sources/asg-kms/terraform/account-111122223333"
}

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

# The key's own statement, first: aws_kms_key_policy replaces the whole policy, and without
# this statement the account could no longer manage the key.
data "aws_iam_policy_document" "app_ebs_own" {
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

data "aws_iam_policy_document" "app_ebs" {
  source_policy_documents = [
    data.aws_iam_policy_document.app_ebs_own.json,
    module.asg_kms.asg_kms_app_ebs_key_policy_json,
  ]
}

resource "aws_kms_key_policy" "app_ebs" {
  key_id                             = "arn:aws:kms:us-west-2:111122223333:key/11111111-2222-3333-4444-555555555555"
  policy                             = data.aws_iam_policy_document.app_ebs.json
  bypass_policy_lockout_safety_check = false
}

output "golden_ami_grant_id" {
  description = "ID of the grant on golden-ami: aws kms list-grants shows it."
  value       = module.asg_kms.asg_kms_golden_ami_grant_id
}

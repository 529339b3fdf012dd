// Proves the Knowledge Center article's cross-account case end to end, with the formats given
// on the command line: the key's account trusts the Auto Scaling account, and the Auto
// Scaling account gets the grant that Terraform manages and the grant creator's policy.
import groovy.json.JsonSlurper

def out = new File(basedir, 'target/generated-sources/asg-kms')
def keyArn = 'arn:aws:kms:us-west-2:444455556666:key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4d'
def slr = 'arn:aws:iam::111122223333:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling'

// The key's account: the whole Auto Scaling account is trusted, with no GrantIsForAWSResource.
def keyPolicy = new File(out, 'terraform/account-444455556666/key-policy-ebs.tf').text
assert keyPolicy.contains('identifiers = ["arn:aws:iam::111122223333:root"]')
assert !keyPolicy.contains('GrantIsForAWSResource')
// Terraform reads the grant back with ListGrants, which the key account allows.
assert keyPolicy.contains('actions   = ["kms:ListGrants"]')

// The Auto Scaling account: the grant to the service-linked role, and the policy to create it.
def grant = new File(out, 'terraform/account-111122223333/grant-ebs.tf').text
assert grant =~ /(?m)^\s*grantee_principal\s*=\s*"\Q${slr}\E"$/
assert grant =~ /(?m)^\s*operations\s*=\s*\["Decrypt", "GenerateDataKeyWithoutPlaintext", "ReEncryptFrom", "ReEncryptTo", "CreateGrant"\]$/
assert grant =~ /(?m)^\s*retiring_principal\s*=\s*"arn:aws:iam::111122223333:role\/deployer"$/
assert grant =~ /(?m)^\s*aws_iam_role_policy_attachment\.asg_kms_create_grant,$/

def createGrantTf = new File(out, 'terraform/account-111122223333/create-grant-policy.tf').text
assert createGrantTf.contains('resource "aws_iam_role_policy_attachment" "asg_kms_create_grant"')
assert createGrantTf =~ /(?m)^\s*role\s*=\s*"deployer"$/

// Terraform manages the grants: no script creates them as well.
assert !new File(out, 'json/account-111122223333/create-grants.sh').exists()

def policy = new JsonSlurper().parse(new File(out, 'json/account-111122223333/create-grant-policy.json'))
assert policy.Version == '2012-10-17'
assert policy.Statement*.Sid == ['AllowCreationOfGrantForTheKMSinExternalAccount444455556666',
                                 'AllowListingOfGrantsForTheKMSinExternalAccount444455556666']
assert policy.Statement*.Resource == [keyArn, keyArn]
return true

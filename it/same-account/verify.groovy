// Proves the Knowledge Center article's same-account case end to end: the key policy lets the
// Auto Scaling service-linked role use the key and attach it to persistent resources, and
// no grant or CreateGrant policy is generated, since a key in the same account needs none.
import groovy.json.JsonSlurper

def out = new File(basedir, 'target/generated-sources/asg-kms')
def slr = 'arn:aws:iam::123456789012:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling'

def tfDir = new File(out, 'terraform/account-123456789012')
def keyPolicyTf = new File(tfDir, 'key-policy-ebs.tf')
assert keyPolicyTf.isFile()
assert keyPolicyTf.text.contains("identifiers = [\"${slr}\"]")
assert keyPolicyTf.text.contains('variable = "kms:GrantIsForAWSResource"')
assert !new File(tfDir, 'grant-ebs.tf').exists()
assert !new File(tfDir, 'create-grant-policy.tf').exists()
assert tfDir.list().sort() == ['ACCESS.md', 'key-policy-ebs.tf', 'versions.tf']

def jsonDir = new File(out, 'json/account-123456789012')
assert jsonDir.list().sort() == ['ACCESS.md', 'key-policy-ebs.json']
def statements = new JsonSlurper().parse(new File(jsonDir, 'key-policy-ebs.json'))
assert statements*.Sid == ['Allow service-linked role use of the KMS',
                           'Allow attachment of persistent resources']
assert statements*.Principal*.AWS == [[slr], [slr]]
assert statements[0].Action == ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*',
                                'kms:GenerateDataKey*', 'kms:DescribeKey']
assert statements[1].Action == ['kms:CreateGrant']
assert statements[1].Condition == [Bool: ['kms:GrantIsForAWSResource': true]]

assert new File(out, '.asg-kms-manifest').isFile()

// generate is bound at its default phase, so a build to that phase regenerates the files.
assert new File(tfDir, 'versions.tf').text.contains(
    '\n# change the spec and run mvn generate-sources.\n')
return true

// Proves the article's cross-account case as CloudFormation, end to end: the Auto Scaling
// account's stack holds the service-linked role, the grant after it with the article's five
// operations, and the function and role that create and retire it; the key's account gets the
// statements to paste, the same as the JSON ones. No other format creates the grant, and the
// build warns, in generate and in check, that grantCreator.roleName has no effect.
import com.fasterxml.jackson.databind.ObjectMapper
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper

def out = new File(basedir, 'target/generated-sources/asg-kms')
def keyArn = 'arn:aws:kms:us-west-2:444455556666:key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4d'
def slr = 'arn:aws:iam::111122223333:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling'
def yaml = new YAMLMapper()
def json = new ObjectMapper()

def asgDir = new File(out, 'cloudformation/account-111122223333')
def keyDir = new File(out, 'cloudformation/account-444455556666')
assert asgDir.list().sort() == ['ACCESS.md', 'auto-scaling-account-stack.yaml']
assert keyDir.list().sort() == ['ACCESS.md', 'key-policy-ebs.yaml']

// The stack, deployed with the Auto Scaling account's credentials.
def stackText = new File(asgDir, 'auto-scaling-account-stack.yaml').text
assert stackText.contains('# Deploy it with credentials of account 111122223333')
def stack = yaml.readValue(stackText, Map)
def resources = stack.Resources

assert resources.ServiceLinkedRole.Type == 'AWS::IAM::ServiceLinkedRole'
assert resources.ServiceLinkedRole.Properties == [AWSServiceName: 'autoscaling.amazonaws.com']

def grant = resources.EbsGrant
assert grant.Type == 'Custom::KmsGrant'
assert grant.DependsOn == ['ServiceLinkedRole', 'GrantFunctionLogsPolicy']
assert grant.Properties.KeyId == keyArn
assert grant.Properties.GranteePrincipal == slr
assert grant.Properties.Operations == ['Decrypt', 'GenerateDataKeyWithoutPlaintext', 'ReEncryptFrom',
                                       'ReEncryptTo', 'CreateGrant']
assert grant.Properties.Name == 'asg-ebs'
assert stackText.contains('ServiceToken: !GetAtt GrantFunction.Arn')
assert stackText.contains('RetiringPrincipal: !GetAtt GrantFunctionRole.Arn')
assert resources.findAll { it.value.Type == 'Custom::KmsGrant' }.keySet() == ['EbsGrant'] as Set

def function = resources.GrantFunction.Properties
assert function.Runtime == 'python3.12'
assert function.Handler == 'index.handler'
assert function.Code.ZipFile.contains('def handler(event, context):')

assert resources.GrantFunctionRole.Properties.ManagedPolicyArns == ['GrantFunctionPolicy']
def statements = resources.GrantFunctionPolicy.Properties.PolicyDocument.Statement
assert statements*.Action == ['kms:CreateGrant']
def createGrant = statements[0]
assert createGrant.Sid == 'AllowCreationOfGrantForTheKMSinExternalAccount444455556666'
assert createGrant.Resource == keyArn
assert createGrant.Condition.StringEquals == ['kms:GranteePrincipal': slr]
assert createGrant.Condition['ForAllValues:StringEquals'] == ['kms:GrantOperations':
    ['Decrypt', 'GenerateDataKeyWithoutPlaintext', 'ReEncryptFrom', 'ReEncryptTo', 'CreateGrant']]

// The function's role creates the grants: no grant creator's policy, in no format.
assert resources.CreateGrantPolicy == null
assert !new File(out, 'json/account-111122223333/create-grant-policy.json').exists()
assert !new File(out, 'terraform/account-111122223333/create-grant-policy.tf').exists()
def log = new File(basedir, 'build.log').text
// Both goals show the plan's warning: generate, and check at verify.
def warning = '[WARNING] asg-kms: grantCreator.roleName has no effect with grantManager: cloudformation'
assert log.count(warning) == 2 : log
assert log.contains('asg-kms: target/generated-sources/asg-kms is up to date with')

assert stack.Outputs.EbsGrantId.Value == 'EbsGrant'

// The key's account: the statements to paste under KeyPolicy, the same as the JSON ones.
def snippet = yaml.readValue(new File(keyDir, 'key-policy-ebs.yaml'), List)
assert snippet == json.readValue(new File(out, 'json/account-444455556666/key-policy-ebs.json'), List)
assert snippet*.Sid == ['Allow external account 111122223333 use of the KMS',
                        'Allow attachment of persistent resources in external account 111122223333']
assert snippet*.Principal*.AWS == [['arn:aws:iam::111122223333:root'], ['arn:aws:iam::111122223333:root']]

// Terraform creates the role too, and no grant: CloudFormation manages it.
def tfDir = new File(out, 'terraform/account-111122223333')
assert new File(tfDir, 'service-linked-role.tf').text.contains(
    'resource "aws_iam_service_linked_role" "asg_kms"')
assert !new File(tfDir, 'grant-ebs.tf').exists()
assert !new File(out, 'json/account-111122223333/create-grants.sh').exists()
return true

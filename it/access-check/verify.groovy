// Proves that the access check reads the rendered output, the user's templates included: a
// key-policy template without the ListGrants statement makes generate warn and check fail,
// naming the call, who makes it and the missing statement.
def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/generated-sources/asg-kms/terraform')

def keyPolicy = new File(out, 'account-444455556666/key-policy-golden-ami.tf').text
assert !keyPolicy.contains('to list grants')

def finding = "[terraform] required call refused: Terraform (hashicorp/aws provider)," +
    " aws_kms_grant, step 'read-back' for key golden-ami: kms:ListGrants on" +
    " arn:aws:kms:us-west-2:444455556666:key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4d by" +
    " arn:aws:sts::111122223333:assumed-role/deployer/asg-kms: the key policy" +
    " (terraform/account-444455556666/key-policy-golden-ami.tf) allows kms:ListGrants neither" +
    " to arn:aws:sts::111122223333:assumed-role/deployer/asg-kms nor to its account" +
    " 111122223333; missing: statement 'Allow external account 111122223333 to list grants'" +
    " (planned) in terraform/account-444455556666/key-policy-golden-ami.tf"

// Step 1: generate wrote the files and warned.
assert log.contains('[WARNING] asg-kms: ' + finding)

// Step 2: check failed with the finding, and said what to do.
assert log.contains('asg-kms: the rendered output fails the access check (1 finding):')
assert log.contains('  ' + finding)
assert log.contains('Put back what a template override dropped')
assert !log.contains('differs from what the spec generates')

// ACCESS.md shows the access the output gives: no ListGrants for the grant creator.
def access = new File(out, 'account-444455556666/ACCESS.md').text
assert access.contains('| kms:CreateGrant |')
assert !access.contains('kms:ListGrants')
return true

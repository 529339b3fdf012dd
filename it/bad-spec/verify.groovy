// Proves that a spec with several errors fails the build, reports every error in the same run
// with its place and path, and leaves the output directory exactly as it was.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] BUILD FAILURE')
assert log.contains('on project bad-spec: 2 errors in the spec:')
assert log.contains("[ERROR] src/main/asg-kms/asg-kms.yaml:2:23: autoScalingAccountId: '11112222333'" +
    ' is not an account ID: expected 12 digits, found 11')
assert log.contains('[ERROR] src/main/asg-kms/asg-kms.yaml:5:10: keys[0].arn: an alias ARN is not' +
    ' accepted: name the key by its key ARN (arn:...:key/<key id>); an alias can be moved to' +
    ' another key, and CreateGrant and IAM policies need the key ARN')

// The output directory (<outputDirectory>${project.basedir}/out</outputDirectory>) held one
// hand-written file before the build; it still holds only that file, unchanged.
def out = new File(basedir, 'out')
assert out.list() as List == ['keep.txt']
assert new File(out, 'keep.txt').text ==
    'Written by hand before the build; the failed build must leave it as it is.\n'
assert !new File(basedir, 'target/generated-sources/asg-kms').exists()
return true

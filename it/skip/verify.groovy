// Proves that asgkms.skip=true makes the goal log that it skipped and write nothing.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] asg-kms: skipped (asgkms.skip)')
assert !new File(basedir, 'target/generated-sources/asg-kms').exists()
return true

// Proves asgkms.check.skip: the check logs one line and passes; without it, it fails.
def log = new File(basedir, 'build.log').text
assert log.contains('asg-kms: check skipped (asgkms.check.skip)')
assert log.contains('  missing: terraform/account-111122223333/grant-golden-ami.tf')
assert new File(basedir, 'generated/stale.tf').text == '# not what the plugin writes\n'
return true

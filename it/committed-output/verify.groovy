// Proves the committed-output workflow: check passes on fresh output, fails on a hand edit
// naming the file with a diff and the fix, generate repairs it, dropping a key prunes its
// files but never the team's own, and an unchanged build touches nothing.
def out = new File(basedir, 'generated')
def log = new File(basedir, 'build.log').text

// Step 2: the failure names the edited file, shows the diff and says how to fix it.
assert log.contains('asg-kms: 1 file in generated differs from what the spec generates:')
assert log.contains('  changed: terraform/account-111122223333/grant-golden-ami.tf')
assert log.contains('--- terraform/account-111122223333/grant-golden-ami.tf (on disk)')
assert log.contains('Run mvn asg-kms:generate to bring them up to date.')
assert !log.contains('mine.tf (')

// Step 3: generate rewrote the one file (the others include each folder's ACCESS.md).
assert log.contains('(1 written, 12 unchanged, 0 deleted)')

// Step 4: the dropped key's files are gone, the team's own file is not; the Auto Scaling
// account's ACCESS.md files no longer show the key.
assert log.contains('(2 written, 3 unchanged, 8 deleted)')
assert !new File(out, 'terraform/account-444455556666').exists()
assert !new File(out, 'terraform/account-111122223333/grant-golden-ami.tf').exists()
assert new File(out, 'terraform/account-111122223333/mine.tf').text.trim() == '# the team\'s own file'

// Step 5: up to date, and every file keeps the old mtime the antrun step gave it.
assert log.contains('asg-kms: generated is up to date')
def old = java.time.LocalDate.of(2020, 1, 1).atStartOfDay(java.time.ZoneId.systemDefault()).toInstant().toEpochMilli()
out.eachFileRecurse { f -> if (f.isFile()) assert Math.abs(f.lastModified() - old) < 86400000L : f }
return true

// Proves the committed-output workflow: check passes on fresh output, fails on a hand edit
// naming the file with a diff and the fix, generate refuses to overwrite the edit until it is
// forced, dropping a key prunes its files but never the team's own, and an unchanged build
// touches nothing.
def out = new File(basedir, 'generated')
def log = new File(basedir, 'build.log').text

// Step 2: the failure names the edited file, shows the diff and says how to fix it.
// The count is generate's: 1 of the 13 files it writes, each folder's ACCESS.md included
// (the manifest is not counted).
assert log.contains('asg-kms: 1 of 13 files in generated differs from what the spec generates:')
assert log.contains('  edited by hand: terraform/account-111122223333/grant-golden-ami.tf')
assert log.contains('--- terraform/account-111122223333/grant-golden-ami.tf (on disk)')
assert log.contains('Run mvn asg-kms:generate to bring them up to date. It replaces files' +
    ' edited by hand or not written by the plugin only with -Dasgkms.force.')
assert !log.contains('mine.tf (')

// Step 3: generate names the edited file and writes nothing.
assert log.contains('asg-kms: 1 file in generated is not the plugin\'s to overwrite or' +
    ' delete, so nothing was written:')
assert log.contains('  terraform/account-111122223333/grant-golden-ami.tf: edited by hand since' +
    ' the plugin wrote it')
assert log.contains('run with -Dasgkms.force to take the generated version')

// Step 4: forced, generate rewrote the one file, and said so.
assert log.contains('asg-kms: replaced terraform/account-111122223333/grant-golden-ami.tf' +
    ' with the generated version (force)')
assert log.contains('asg-kms: wrote 1 of 13 files from src/main/asg-kms/asg-kms.yaml into' +
    ' generated, 12 unchanged')

// Step 5: the dropped key's files are gone, the team's own file is not; the Auto Scaling
// account's ACCESS.md files no longer show the key.
assert log.contains('asg-kms: wrote 2 of 5 files from src/main/asg-kms/asg-kms.yaml into' +
    ' generated, 3 unchanged, deleted 8 no longer generated')
assert !new File(out, 'terraform/account-444455556666').exists()
assert !new File(out, 'terraform/account-111122223333/grant-golden-ami.tf').exists()
assert new File(out, 'terraform/account-111122223333/mine.tf').text.trim() == '# the team\'s own file'

// Only check is bound, so the headers give the goal from the command line, which is what
// regenerates this folder.
def header = new File(out, 'terraform/account-111122223333/versions.tf').text
assert header.contains('\n# change the spec and run mvn asg-kms:generate.\n') : header

// The committed manifest names its format, the project that owns the folder and the
// configuration that wrote it.
assert new File(out, '.asg-kms-manifest').text.contains(
    '\nformat 3\nowner io.github.asgkms.it:committed-output\nformats json,terraform\n' +
    'spec src/main/asg-kms/asg-kms.yaml\ntemplates built-in\n')

// Step 6: up to date, and every file keeps the old mtime the antrun step gave it.
assert log.contains('asg-kms: generated is up to date')
def old = java.time.LocalDate.of(2020, 1, 1).atStartOfDay(java.time.ZoneId.systemDefault()).toInstant().toEpochMilli()
out.eachFileRecurse { f -> if (f.isFile()) assert Math.abs(f.lastModified() - old) < 86400000L : f }
return true

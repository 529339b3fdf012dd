// Proves the README's quick start: the headers name the phase generate is bound to, and the
// goal from the command line, which finds the same plugin-level configuration, renders the
// same bytes, headers included, so it writes and prunes nothing.
def out = new File(basedir, 'target/generated-sources/asg-kms')
def log = new File(basedir, 'build.log').text

['terraform/account-111122223333/versions.tf',
 'cloudformation/account-111122223333/auto-scaling-account-stack.yaml'].each { path ->
  def text = new File(out, path).text
  assert text.contains('\n# change the spec and run mvn generate-sources.\n') : path
}
// 15 files: the 9 of the three formats and each account folder's ACCESS.md.
def runs = log.findAll(/asg-kms: wrote \d+ of \d+ files from src\/main\/asg-kms\/asg-kms.yaml into \S+, [^\n]*/)
assert runs.size() == 2 : runs
assert runs[0].contains('wrote 15 of 15 files') && runs[0].endsWith(', 0 unchanged') : runs[0]
assert runs[1].contains('wrote 0 of 15 files') && runs[1].endsWith(', 15 unchanged') : runs[1]
return true

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
def runs = log.findAll(/asg-kms: \d+ files from src\/main\/asg-kms\/asg-kms.yaml into \S+ \([^)]*\)/)
assert runs.size() == 2 : runs
assert runs[0].contains('(9 written, 0 unchanged, 0 deleted)') : runs[0]
assert runs[1].contains('(0 written, 9 unchanged, 0 deleted)') : runs[1]
return true

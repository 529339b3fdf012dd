// Proves that an execution id cannot place the stamp outside target/asg-kms, and that a
// damaged stamp is ignored and replaced instead of failing every build until mvn clean.
def log = new File(basedir, 'build.log').text
assert !log.contains('BUILD FAILURE')
assert !log.contains('Input length')

def stamps = new File(basedir, 'target/asg-kms').listFiles().findAll { it.name.endsWith('.stamp') }
assert stamps.size() == 1
assert stamps[0].name ==~ /execution-[0-9a-f]{16}\.stamp/
assert stamps[0].text ==~ /[0-9a-f]{16}\n[0-9a-f]{16}\n/ : 'replaced with a good stamp'
assert !new File(basedir, 'escaped.stamp').exists()
assert !new File(basedir, '../escaped.stamp').exists()
assert !new File(basedir, 'target/escaped.stamp').exists()

// Both builds rendered: the second over the damaged stamp, which it replaced.
def rendered = log =~ /asg-kms: wrote \d+ of \d+ files from src\/main\/asg-kms\/asg-kms\.yaml into target\/generated-sources\/asg-kms/
assert rendered.count == 2
return true

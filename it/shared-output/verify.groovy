// Proves that two modules built in parallel into one folder end in exactly one module's
// generation, never a mix: the second is refused, naming the first, and writes nothing.
import java.security.MessageDigest

def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] BUILD FAILURE')
def refused = (log =~ /the files here were written for io\.github\.asgkms\.it:(module-[ab]), not for io\.github\.asgkms\.it:(module-[ab])/)
assert refused.find() : 'the second module names the first'
def (winner, loser) = [refused.group(1), refused.group(2)]
assert winner != loser

def shared = new File(basedir, 'shared')
def manifest = new File(shared, '.asg-kms-manifest').text
assert manifest.contains("\nowner io.github.asgkms.it:${winner}\n")
def listed = [:]
manifest.eachLine { line ->
  if (line ==~ /[0-9a-f]{64} .+/) {
    listed[line.substring(65)] = line.substring(0, 64)
  }
}
def onDisk = []
shared.eachFileRecurse { f -> if (f.isFile()) onDisk << shared.toPath().relativize(f.toPath()).toString() }
assert onDisk.sort() == (listed.keySet() + ['.asg-kms-manifest']).sort() : 'exactly one generation, nothing else'
listed.each { path, hash ->
  def digest = MessageDigest.getInstance('SHA-256').digest(new File(shared, path).bytes)
  assert digest.encodeHex().toString() == hash : path
}
def account = winner == 'module-a' ? '111122223333' : '777788889999'
assert listed.keySet().every { it.contains("account-") }
assert listed.keySet().any { it.contains("account-${account}/") }
return true

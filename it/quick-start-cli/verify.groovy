// Proves that a goal run from the command line, which does not see the configuration inside the
// <execution>, refuses to take over the output that configuration wrote: it says what differs
// and what to do, and every file of the lifecycle run is still there, byte for byte.
import java.security.MessageDigest

def out = new File(basedir, 'target/generated-sources/asg-kms')
def log = new File(basedir, 'build.log').text

assert log.contains('asg-kms: target/generated-sources/asg-kms was written with another' +
    ' configuration: the formats were cloudformation,json,terraform, this run\'s are terraform.' +
    ' Nothing was written: this run from the command line (default-cli) does not see the' +
    ' configuration inside an <execution>, and would delete ')
assert log.contains('Run the build\'s own command, such as mvn generate-sources; or move the' +
    ' <configuration> to the plugin level, where the command line finds it too; or run with' +
    ' -Dasgkms.force to take this configuration on purpose.')

def manifest = new File(out, '.asg-kms-manifest').text
assert manifest.contains('\nformats cloudformation,json,terraform\n')
def listed = [:]
manifest.eachLine { line ->
  def m = line =~ /^([0-9a-f]{64}) (\S+)( executable)?$/
  if (m) listed[m[0][2]] = m[0][1]
}
['terraform', 'json', 'cloudformation'].each { format ->
  assert listed.keySet().any { it.startsWith(format + '/') } : "the manifest lists ${format}"
}
listed.each { path, hash ->
  def file = new File(out, path)
  assert file.isFile() : "${path} is still there"
  def actual = MessageDigest.getInstance('SHA-256').digest(file.bytes).encodeHex().toString()
  assert actual == hash : "${path} is as the lifecycle run wrote it"
}
assert !new File(out, '.asg-kms-staging').exists()
return true

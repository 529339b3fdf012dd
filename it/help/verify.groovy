// Proves that the help goal describes the generate goal and each of its parameters with its
// user property.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] BUILD SUCCESS')
assert log =~ /(?m)^asg-kms:generate$/
['spec', 'outputDirectory', 'formats', 'skip'].each { name ->
  assert log =~ /(?m)^    ${name} \(Default:/
  assert log.contains("User property: asgkms.${name}")
}
return true

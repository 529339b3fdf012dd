// Proves that an unknown format is a configuration error that names it and the formats there
// are, and that nothing is written.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] BUILD FAILURE')
assert log.contains("on project unknown-format: asg-kms: unknown format 'helm' in" +
    ' <formats>/asgkms.formats; expected any of terraform, json, cloudformation')
assert !new File(basedir, 'target/generated-sources/asg-kms').exists()
return true

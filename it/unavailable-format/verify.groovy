// Proves that asking for the reserved cloudformation format is a configuration error that
// names the format and the formats that are available, and that nothing is written.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] BUILD FAILURE')
assert log.contains('on project unavailable-format: asg-kms: format \'cloudformation\' is not' +
    ' available in this version of the plugin; use terraform and/or json')
assert !new File(basedir, 'target/generated-sources/asg-kms').exists()
return true

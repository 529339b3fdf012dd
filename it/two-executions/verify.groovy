// Proves that two generate executions of one project that write one directory are refused as
// a configuration error before either writes anything.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] BUILD FAILURE')
assert log.contains("asg-kms: the executions 'first' and 'second' both generate into" +
    " target/generated-sources/asg-kms, and each would delete the other's files; give each" +
    " execution its own <outputDirectory>. Nothing was written.")
assert !new File(basedir, 'target/generated-sources/asg-kms').exists()
return true

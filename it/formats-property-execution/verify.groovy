// Which Maven ran this build (build.log starts with its version: see showVersion in the
// plugin's POM), and which formats it rendered when -Dasgkms.formats=terraform meets
// <formats>json</formats> set in the POM inside the <execution>. Observed and documented in the
// README: Maven 3 takes the property, Maven 4 keeps the POM's value.
def log = new File(basedir, 'build.log').text
def version = (log =~ /Apache Maven (\S+)/)[0][1]
assert version == expectedMavenVersion : "ran on Maven ${version}, expected ${expectedMavenVersion}"
def out = new File(basedir, 'target/generated-sources/asg-kms')
def formats = ['terraform', 'json', 'cloudformation'].findAll { new File(out, it).isDirectory() }
def expected = version.startsWith('3.') ? ['terraform'] : ['json']
assert formats == expected : "Maven ${version} rendered ${formats}, expected ${expected}"
return true

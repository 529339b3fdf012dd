// Proves issue #12 as a user runs it: every launcher gets the key, each replica is a key of its
// own with its own statements and grants in its Region, the role of one's own gets statements
// through EC2 in each key's Region and an IAM policy for the keys in the other account, and
// the existing service-linked roles are adopted by import, which needs Terraform 1.5.
import groovy.json.JsonSlurper

def out = new File(basedir, 'target/generated-sources/asg-kms')
def asg = new File(out, 'terraform/account-210987654321')
def keyId = 'mrk-aaaabbbbccccddddeeeeffff00001111'
def spot = 'arn:aws:iam::210987654321:role/aws-service-role/spotfleet.amazonaws.com/AWSServiceRoleForEC2SpotFleet'
def autoscaling = 'arn:aws:iam::210987654321:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling'
def controller = 'arn:aws:iam::210987654321:role/eks/nodes-controller'

// A grant per replica and service-linked launcher, each sent to its key's Region.
['eu-central-1': '', 'eu-west-3': '-eu-west-3', 'us-east-2': '-us-east-2'].each { region, suffix ->
  def forAutoScaling = new File(asg, "grant-images${suffix}.tf").text
  assert forAutoScaling.contains("region             = \"${region}\"")
  assert forAutoScaling.contains("key_id             = \"arn:aws:kms:${region}:123456789012:key/${keyId}\"")
  assert forAutoScaling.contains("grantee_principal  = \"${autoscaling}\"")
  def forSpotFleet = new File(asg, "grant-images${suffix}-spot-fleet.tf").text
  assert forSpotFleet.contains("grantee_principal  = \"${spot}\"")
  assert forSpotFleet.contains('name               = "asg-images-spot-fleet"')
  // Each replica's own key policy, in the key account, names the role through EC2 there.
  def replica = new JsonSlurper().parse(new File(out, "json/account-123456789012/key-policy-images${suffix}.json"))
  def own = replica.find { it.Sid == 'Allow launcher roles use of the KMS through EC2' }
  assert own.Principal.AWS == [controller]
  assert own.Condition.StringEquals.'kms:ViaService' == "ec2.${region}.amazonaws.com"
  assert own.Condition.StringEquals.'kms:CallerAccount' == '210987654321'
}
// The role of one's own gets no grant, and an IAM policy on every replica across accounts.
assert !asg.list().any { it.contains('controller') }
def launcherPolicy = new JsonSlurper().parse(new File(out,
    'json/account-210987654321/launcher-role-policy-asg-kms-launch-nodes-controller.json'))
assert launcherPolicy.Statement.size() == 6
assert launcherPolicy.Statement*.Resource.flatten().toSet().size() == 3
assert new File(asg, 'launcher-role-policy.tf').text.contains('role       = "nodes-controller"')

// The same-account key lets both service-linked roles in directly, no grant.
def scratch = new JsonSlurper().parse(new File(out, 'json/account-210987654321/key-policy-scratch.json'))
assert scratch[0].Principal.AWS == [autoscaling, spot]
assert !new File(asg, 'grant-scratch.tf').exists()

// The roles exist: adopted by import, which Terraform 1.5 brought.
def imports = new File(asg, 'import-service-linked-roles.tf').text
assert imports.contains("id = \"${autoscaling}\"") && imports.contains("id = \"${spot}\"")
assert new File(asg, 'versions.tf').text.contains('required_version = ">= 1.5.0"')
assert !new File(out, 'terraform/account-123456789012/versions.tf').text.contains('required_version')
return true

package io.github.asgkms.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asgkms.GenerateRequest;
import io.github.asgkms.Generator;
import io.github.asgkms.render.Format;
import io.github.asgkms.spec.SpecException;
import io.github.asgkms.spec.SpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec at the scale a large organisation reaches: every limit AWS puts on what is generated
 * holds, or the spec is refused where it stands, before anything is written.
 */
class ScaleLimitsTest {
  private static final List<String> KEY_ACCOUNTS =
      List.of("444455556666", "777788889999", "222233334444", "555566667777");
  private static final List<String> REGIONS =
      List.of("us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2");
  private static final int KEYS = 200;
  private static final int OWN_ROLE_POLICIES = 18;

  @TempDir Path temp;

  /**
   * 200 multi-Region keys in four other accounts, each with replicas in the two Regions after
   * its own, launched by Auto Scaling, EC2 Fleet, Spot Fleet and a role of the user's own.
   */
  private static String largeSpec() {
    StringBuilder yaml = new StringBuilder("""
        version: 1
        autoScalingAccountId: "111122223333"
        launchers:
          - autoscaling
          - ec2-fleet
          - spot-fleet
          - roleArn: arn:aws:iam::111122223333:role/controllers/karpenter-controller
        grantCreator:
          roleName: deployer
        keys:
        """);
    for (int i = 0; i < KEYS; i++) {
      yaml.append(String.format("  - name: key-%03d%n", i))
          .append(String.format("    arn: arn:aws:kms:%s:%s:key/mrk-%032x%n",
              REGIONS.get(i % 4), KEY_ACCOUNTS.get(i % KEY_ACCOUNTS.size()), i))
          .append(String.format("    replicaRegions: [%s, %s]%n",
              REGIONS.get((i + 1) % 4), REGIONS.get((i + 2) % 4)));
    }
    return yaml.toString();
  }

  @Test
  void twoHundredReplicatedKeysForEveryLauncherStayWithinIamAndKmsLimits() throws Exception {
    Plan plan = Planner.plan(SpecReader.parse(largeSpec(), "spec.yaml"), "spec.yaml");

    // Each key and its two replicas; each of those, a grant per service-linked launcher.
    assertThat(plan.keys()).hasSize(KEYS * 3);
    assertThat(plan.keys()).filteredOn(k -> k.replicaOf() != null).hasSize(KEYS * 2);
    assertThat(plan.grants()).hasSize(KEYS * 3 * 3);
    assertThat(plan.grants()).allSatisfy(grant ->
        assertThat(grant.creatorPolicyIndexes()).as(grant.keyName()).isNotEmpty());

    for (KeyPlan key : plan.keys()) {
      assertThat(PolicySize.pretty(key.statements())).as(key.name())
          .isLessThan(PolicySize.KEY_POLICY_LIMIT);
    }
    List<IamPolicyPlan> createGrant = plan.createGrantPolicies();
    List<IamPolicyPlan> ownRole = plan.autoScalingAccount().launcherRolePolicies();
    List<IamPolicyPlan> every = new ArrayList<>(createGrant);
    every.addAll(ownRole);
    for (IamPolicyPlan policy : every) {
      assertThat(PolicySize.of(policy.statements())).as(policy.name())
          .isLessThanOrEqualTo(PolicySize.MANAGED_POLICY_LIMIT);
    }

    // The grant creator may call CreateGrant on every key it grants on, replicas included.
    Set<String> creatable = new HashSet<>();
    for (IamPolicyPlan policy : createGrant) {
      for (PolicyStatement statement : policy.statements()) {
        if (statement.actions().contains(Planner.CREATE_GRANT)) {
          creatable.addAll(statement.resources());
        }
      }
    }
    assertThat(creatable).containsAll(plan.keys().stream().map(KeyPlan::arn).toList());
    assertThat(ownRole).allSatisfy(policy ->
        assertThat(policy.roleName()).isEqualTo("karpenter-controller"));

    // What the plan needs in managed policies, each set attached to one role. The grant
    // creator's CreateGrant and ListGrants on 600 key ARNs (1,800 grants, but a grant adds no
    // ARN of its own: three launchers share each key's statements) take 17 policies, whose
    // statements add up to about 16.1 policies' worth of IAM's 6,144 characters: a statement
    // that does not fit starts in what the previous one leaves (moving it whole to the next
    // policy took 22). The own role's use of the same 600 keys, by account and Region, takes
    // 18 (24 so). Both fit the 20 IAM allows when the quota is raised, and need more than its
    // default quota of 10 managed policies
    // attached to a role, which the planner does not refuse, the quota being adjustable: it
    // warns, so that the role's owner has it raised, or splits the spec. Pinned so that a
    // change in the splitting shows.
    assertThat(createGrant.size()).isEqualTo(17);
    assertThat(ownRole.size()).isEqualTo(OWN_ROLE_POLICIES);
    assertThat(createGrant).allSatisfy(policy ->
        assertThat(policy.roleName()).isEqualTo("deployer"));
    assertThat(createGrant.size()).isGreaterThan(Planner.MANAGED_POLICIES_PER_ROLE);
    assertThat(ownRole.size()).isGreaterThan(Planner.MANAGED_POLICIES_PER_ROLE);
    assertThat(plan.warnings()).containsExactly(
        "the grant creator needs 17 managed policies to stay within IAM's 6,144 characters each,"
            + " more than the 10 IAM attaches to one role by default: raise the account's quota"
            + " of managed policies per role, or split the keys over several specs",
        "the launcher role karpenter-controller needs " + OWN_ROLE_POLICIES + " managed policies to stay within IAM's"
            + " 6,144 characters each, more than the 10 IAM attaches to one role by default:"
            + " raise the account's quota of managed policies per role, or split the keys over"
            + " several specs");
  }

  /**
   * Every role of the user's own is a principal of two statements in every key policy, so
   * enough of them push a key policy over KMS's 32 KB: the spec is refused at the key, and
   * nothing is written.
   */
  @Test
  void aKeyPolicyOverKmsLimitIsRefusedAtTheKeyAndNothingIsWritten() throws Exception {
    StringBuilder yaml = new StringBuilder("""
        version: 1
        autoScalingAccountId: "111122223333"
        keys:
          - name: ebs
            arn: arn:aws:kms:us-west-2:444455556666:key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4d
        launchers:
          - autoscaling
        """);
    for (int i = 0; i < 600; i++) {
      yaml.append(String.format("  - roleArn: arn:aws:iam::111122223333:role/launchers/node-%03d%n",
          i));
    }
    Path spec = Files.writeString(temp.resolve("asg-kms.yaml"), yaml.toString());
    Path out = temp.resolve("out");
    GenerateRequest request = new GenerateRequest(spec, "asg-kms.yaml", out,
        EnumSet.allOf(Format.class), null);

    // The key's ARN is on line 5, its value at column 10.
    assertThatThrownBy(() -> Generator.generate(request)).isInstanceOf(SpecException.class)
        .hasMessageContaining("asg-kms.yaml:5:10: keys[0]: the key policy statements for ebs"
            + " would be ")
        .hasMessageContaining("over KMS's limit of 32768 bytes");
    assertThat(out).doesNotExist();
  }
}

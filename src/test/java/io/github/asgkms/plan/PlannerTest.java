package io.github.asgkms.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asgkms.aws.GrantManager;
import io.github.asgkms.spec.SpecReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlannerTest {
  private static final String SLR =
      "arn:aws:iam::111122223333:role/aws-service-role/autoscaling.amazonaws.com/"
          + "AWSServiceRoleForAutoScaling";

  private static Plan plan(String yaml) throws Exception {
    return Planner.plan(SpecReader.parse(yaml, "spec.yaml"), "spec.yaml");
  }

  @Test
  void sameAccountKeyLetsTheServiceLinkedRoleInAndGetsNoGrant() throws Exception {
    Plan plan = plan("""
        version: 1
        autoScalingAccountId: "111122223333"
        keys:
          - name: ebs
            arn: arn:aws:kms:us-west-2:111122223333:key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4d
        """);
    assertThat(plan.launchers().get(0).roleArn()).isEqualTo(SLR);
    assertThat(plan.accounts()).hasSize(1);
    assertThat(plan.grants()).isEmpty();
    assertThat(plan.createGrantPolicies()).isEmpty();
    KeyPlan key = plan.keys().get(0);
    assertThat(key.crossAccount()).isFalse();
    assertThat(key.statements()).extracting(PolicyStatement::principals)
        .containsOnly(List.of(SLR));
    assertThat(key.statements().get(1).conditions())
        .containsExactly(new Condition("Bool", "kms:GrantIsForAWSResource", List.of("true")));
  }

  @Test
  void crossAccountKeyLetsTheAccountInAndGrantsTheRoleFromTheAutoScalingAccount()
      throws Exception {
    Plan plan = plan("""
        version: 1
        autoScalingAccountId: "111122223333"
        keys:
          - name: ebs
            arn: arn:aws:kms:us-west-2:444455556666:key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4d
        grantCreator:
          roleName: deployer
        """);
    KeyPlan key = plan.keys().get(0);
    assertThat(key.crossAccount()).isTrue();
    assertThat(key.statements()).extracting(PolicyStatement::principals)
        .containsOnly(List.of("arn:aws:iam::111122223333:root"));
    assertThat(key.statements()).allSatisfy(s -> assertThat(s.conditions()).isEmpty());
    // The article's two, and Terraform's ListGrants: it reads the grant back.
    assertThat(key.statements()).extracting(PolicyStatement::actions).containsExactly(
        Planner.CRYPTO_ACTIONS, List.of("kms:CreateGrant"), List.of("kms:ListGrants"));
    assertThat(plan.grantManager()).isEqualTo(GrantManager.TERRAFORM);
    assertThat(plan.accounts()).extracting(AccountPlan::accountId)
        .containsExactly("111122223333", "444455556666");
    assertThat(plan.accounts().get(1).grants()).isEmpty();

    GrantPlan grant = plan.grants().get(0);
    assertThat(grant.keyArn()).isEqualTo(key.arn());
    assertThat(grant.granteePrincipal()).isEqualTo(SLR);
    assertThat(grant.operations()).containsExactly("Decrypt", "GenerateDataKeyWithoutPlaintext",
        "ReEncryptFrom", "ReEncryptTo", "CreateGrant");
    assertThat(grant.region()).isEqualTo("us-west-2");
    assertThat(grant.retiringPrincipal()).isEqualTo("arn:aws:iam::111122223333:role/deployer")
        .isEqualTo(plan.grantCreatorArn());

    // The named role is the retiring principal: it needs no kms:RetireGrant.
    IamPolicyPlan policy = plan.createGrantPolicies().get(0);
    assertThat(policy.roleName()).isEqualTo("deployer");
    assertThat(policy.statements()).extracting(PolicyStatement::sid).containsExactly(
        "AllowCreationOfGrantForTheKMSinExternalAccount444455556666",
        "AllowListingOfGrantsForTheKMSinExternalAccount444455556666");
    assertThat(policy.statements()).extracting(PolicyStatement::actions).containsExactly(
        List.of("kms:CreateGrant"), List.of("kms:ListGrants"));
    assertThat(policy.statements()).allSatisfy(s -> {
      assertThat(s.resources()).containsExactly(key.arn());
      assertThat(s.principals()).isEmpty();
      assertThat(s.conditions()).isEmpty();
    });
    assertThat(plan.createGrantPolicies()).hasSize(1);
    assertThat(grant.creatorPolicyIndexes()).containsExactly(0);
    assertThat(plan.warnings()).isEmpty();
  }

  /**
   * Split over several policies, each grant names only those that allow its calls: the one
   * whose CreateGrant statement holds its key, and the one whose ListGrants statement does.
   */
  @Test
  void eachGrantNamesThePoliciesThatAllowItsCalls() throws Exception {
    StringBuilder yaml = new StringBuilder("""
        version: 1
        autoScalingAccountId: "111122223333"
        grantCreator:
          roleName: deployer
        keys:
        """);
    for (int i = 0; i < 120; i++) {
      yaml.append(String.format("  - name: key-%03d%n    arn: arn:aws:kms:us-west-2:444455556666"
          + ":key/%08x-0000-4000-8000-000000000000%n", i, i));
    }
    Plan plan = plan(yaml.toString());
    List<IamPolicyPlan> policies = plan.createGrantPolicies();
    assertThat(policies).hasSizeGreaterThan(2);
    for (GrantPlan grant : plan.grants()) {
      List<Integer> naming = new ArrayList<>();
      List<String> actions = new ArrayList<>();
      for (int index = 0; index < policies.size(); index++) {
        for (PolicyStatement statement : policies.get(index).statements()) {
          if (statement.resources().contains(grant.keyArn())) {
            actions.addAll(statement.actions());
            if (!naming.contains(index)) {
              naming.add(index);
            }
          }
        }
      }
      assertThat(grant.creatorPolicyIndexes()).as(grant.keyName()).isEqualTo(naming)
          .hasSizeLessThan(policies.size());
      assertThat(actions).containsExactly("kms:CreateGrant", "kms:ListGrants");
    }
  }

  @Test
  void withoutANamedRoleTheAccountRetiresTheGrantsThroughIam() throws Exception {
    Plan plan = plan(CROSS_ACCOUNT);

    assertThat(plan.grantCreatorArn()).isEqualTo("arn:aws:iam::111122223333:root");
    assertThat(plan.grants().get(0).retiringPrincipal()).isEqualTo(plan.grantCreatorArn());
    IamPolicyPlan policy = plan.createGrantPolicies().get(0);
    assertThat(policy.roleName()).isNull();
    assertThat(policy.statements()).extracting(PolicyStatement::sid).containsExactly(
        "AllowCreationOfGrantForTheKMSinExternalAccount444455556666",
        "AllowListingOfGrantsForTheKMSinExternalAccount444455556666",
        "AllowRetiringOfGrantsForTheKMSinExternalAccount444455556666");
    assertThat(policy.statements().get(2).actions()).containsExactly("kms:RetireGrant");
  }

  @Test
  void theCliCallsCreateGrantOnly() throws Exception {
    Plan plan = plan(CROSS_ACCOUNT + "grantManager: cli\n");

    assertThat(plan.grantManager()).isEqualTo(GrantManager.CLI);
    assertThat(plan.keys().get(0).statements()).extracting(PolicyStatement::actions)
        .containsExactly(Planner.CRYPTO_ACTIONS, List.of("kms:CreateGrant"));
    assertThat(plan.createGrantPolicies()).singleElement().satisfies(policy ->
        assertThat(policy.statements()).singleElement().satisfies(s ->
            assertThat(s.actions()).containsExactly("kms:CreateGrant")));
    assertThat(plan.grants().get(0).retiringPrincipal())
        .isEqualTo("arn:aws:iam::111122223333:root");
  }

  @Test
  void cloudFormationsFunctionMayCreateOnlyTheGrantsItManagesAndTheNamedRoleGetsNothing()
      throws Exception {
    Plan plan = plan(CROSS_ACCOUNT + """
          - name: logs
            arn: arn:aws:kms:us-east-1:444455556666:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0
            grantOperations: [Decrypt]
        grantManager: cloudformation
        grantCreator:
          roleName: deployer
        """);

    assertThat(plan.keys()).allSatisfy(key -> assertThat(key.statements())
        .extracting(PolicyStatement::actions)
        .containsExactly(Planner.CRYPTO_ACTIONS, List.of("kms:CreateGrant")));
    // The function's own role holds the policy: the stack names both, and no role of the spec's.
    IamPolicyPlan policy = plan.createGrantPolicies().get(0);
    assertThat(policy.name()).isNull();
    assertThat(policy.roleName()).isNull();
    List<PolicyStatement> function = policy.statements();
    assertThat(function).extracting(PolicyStatement::sid).containsExactly(
        "AllowCreationOfGrantForTheKMSinExternalAccount444455556666",
        "AllowCreationOfGrantForTheKMSinExternalAccount444455556666Set2");
    assertThat(function).allSatisfy(s -> assertThat(s.actions())
        .containsExactly("kms:CreateGrant"));
    assertThat(function.get(1).conditions()).containsExactly(
        new Condition("StringEquals", "kms:GranteePrincipal", List.of(SLR)),
        new Condition("ForAllValues:StringEquals", "kms:GrantOperations", List.of("Decrypt")));
    assertThat(function.get(1).resources()).containsExactly(
        "arn:aws:kms:us-east-1:444455556666:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
    assertThat(plan.warnings()).containsExactly("grantCreator.roleName has no effect with"
        + " grantManager: cloudformation: the stack's grant function creates the grants with"
        + " its own role, and no CreateGrant policy is generated");
  }

  private static final String CROSS_ACCOUNT = """
      version: 1
      autoScalingAccountId: "111122223333"
      keys:
        - name: ebs
          arn: arn:aws:kms:us-west-2:444455556666:key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4d
      """;

  @Test
  void iamSidsAreAlphanumericAndUniqueWhenAnAccountHoldsSeveralKeys() throws Exception {
    Plan plan = plan("""
        version: 1
        autoScalingAccountId: "111122223333"
        keys:
          - name: b
            arn: arn:aws:kms:us-west-2:444455556666:key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4d
          - name: a
            arn: arn:aws:kms:us-east-1:444455556666:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0
          - name: c
            arn: arn:aws:kms:us-east-1:777788889999:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0
        """);
    List<PolicyStatement> statements = plan.createGrantPolicies().get(0).statements();
    assertThat(statements).extracting(PolicyStatement::sid)
        .allMatch(sid -> sid.matches("[A-Za-z0-9]+"))
        .doesNotHaveDuplicates();
    assertThat(statements.get(0).resources()).containsExactly(
        "arn:aws:kms:us-east-1:444455556666:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
        "arn:aws:kms:us-west-2:444455556666:key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4d");
    assertThat(plan.keys()).extracting(KeyPlan::name).containsExactly("a", "b", "c");
    for (KeyPlan key : plan.keys()) {
      assertThat(new HashSet<>(key.statements().stream().map(PolicyStatement::sid).toList()))
          .hasSize(key.statements().size());
    }
  }

  @Test
  void keysOfOneAccountShareOneStatementListUnlessTheirConditionsDiffer() throws Exception {
    Plan plan = plan("""
        version: 1
        autoScalingAccountId: "111122223333"
        keys:
          - name: a
            arn: arn:aws:kms:us-west-2:444455556666:key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4d
          - name: b
            arn: arn:aws:kms:us-east-1:444455556666:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0
          - name: c
            arn: arn:aws:kms:us-east-1:444455556666:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f1
            grantOperations: [Decrypt]
          - name: d
            arn: arn:aws:kms:us-east-1:777788889999:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0
        fullKeyPolicy: true
        leastPrivilege: true
        """);
    List<KeyPlan> keys = plan.keys();

    assertThat(keys.get(1).statements()).isEqualTo(keys.get(0).statements());
    // leastPrivilege conditions CreateGrant on the key's own operations.
    assertThat(keys.get(2).statements()).isNotEqualTo(keys.get(0).statements());
    // The root statement names the key's own account.
    assertThat(keys.get(3).statements()).isNotEqualTo(keys.get(0).statements());
    assertThat(keys.get(3).statements().get(0).principals())
        .containsExactly("arn:aws:iam::777788889999:root");
  }

  @Test
  void suffixAndPartitionShapeTheRoleArn() throws Exception {
    Plan plan = plan("""
        version: 1
        autoScalingAccountId: "111122223333"
        serviceLinkedRoleSuffix: web
        keys:
          - name: ebs
            arn: arn:aws-cn:kms:cn-north-1:444455556666:key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4d
            grantName: custom
            grantOperations: user-guide
        """);
    assertThat(plan.launchers().get(0).roleArn()).isEqualTo("arn:aws-cn:iam::111122223333:role/"
        + "aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling_web");
    assertThat(plan.keys().get(0).statements().get(0).principals())
        .containsExactly("arn:aws-cn:iam::111122223333:root");
    assertThat(plan.grants().get(0).name()).isEqualTo("custom");
    assertThat(plan.grants().get(0).operations()).hasSize(8);
    assertThat(plan.createGrantPolicies().get(0).name())
        .isEqualTo("asg-kms-create-grant-web");
  }

  @Test
  void warnsWhenAGrantCreatorHasNothingToCreate() throws Exception {
    Plan plan = plan("""
        version: 1
        autoScalingAccountId: "111122223333"
        keys:
          - name: ebs
            arn: arn:aws:kms:us-west-2:111122223333:key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4d
        grantCreator:
          roleName: deployer
        """);
    assertThat(plan.warnings()).containsExactly("grantCreator.roleName is set but every key is"
        + " in the Auto Scaling account 111122223333, so no grant and no CreateGrant policy are"
        + " generated");
  }

  @Test
  void createsTheServiceLinkedRoleOnlyWhenAskedWithItsSuffix() throws Exception {
    String spec = """
        version: 1
        autoScalingAccountId: "111122223333"
        serviceLinkedRoleSuffix: web
        keys:
          - name: golden-ami
            arn: arn:aws:kms:us-west-2:444455556666:key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4d
        """;
    assertThat(plan(spec).managedServiceLinkedRoles()).isEmpty();

    Plan plan = plan(spec + "createServiceLinkedRole: true\n");

    assertThat(plan.managedServiceLinkedRoles()).containsExactly(new ServiceLinkedRolePlan(
        "autoscaling", "autoscaling.amazonaws.com", "web", "AWSServiceRoleForAutoScaling_web",
        "arn:aws:iam::111122223333:role/aws-service-role/autoscaling.amazonaws.com/"
            + "AWSServiceRoleForAutoScaling_web"));
    assertThat(plan.launchers().get(0).roleArn()).endsWith(
        ":role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling_web");
  }

  @Test
  void theDefaultRoleHasNoSuffix() throws Exception {
    Plan plan = plan("""
        version: 1
        autoScalingAccountId: "111122223333"
        createServiceLinkedRole: true
        keys:
          - name: ebs
            arn: arn:aws:kms:us-west-2:111122223333:key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4d
        """);
    assertThat(plan.managedServiceLinkedRoles().get(0).customSuffix()).isNull();
    assertThat(plan.launchers().get(0).roleArn()).isEqualTo(SLR);
  }

  private static final String FLEET =
      "arn:aws:iam::111122223333:role/aws-service-role/ec2fleet.amazonaws.com/"
          + "AWSServiceRoleForEC2Fleet";
  private static final String SPOT =
      "arn:aws:iam::111122223333:role/aws-service-role/spotfleet.amazonaws.com/"
          + "AWSServiceRoleForEC2SpotFleet";
  private static final String OWN_ROLE = "arn:aws:iam::111122223333:role/k8s/karpenter";
  private static final String LAUNCHERS = """
      version: 1
      autoScalingAccountId: "111122223333"
      launchers:
        - roleArn: arn:aws:iam::111122223333:role/k8s/karpenter
        - spot-fleet
        - autoscaling
        - ec2-fleet
      keys:
        - name: own
          arn: arn:aws:kms:us-west-2:111122223333:key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4d
        - name: shared
          arn: arn:aws:kms:us-west-2:444455556666:key/mrk-1234abcd12ab34cd56ef1234567890ab
          replicaRegions: [eu-west-1, ap-southeast-2]
      """;

  @Test
  void everyServiceLinkedLauncherIsLetInAndGetsAGrantOnEveryReplica() throws Exception {
    Plan plan = plan(LAUNCHERS);

    assertThat(plan.launchers()).extracting(LauncherPlan::id)
        .containsExactly("autoscaling", "ec2-fleet", "spot-fleet", OWN_ROLE);
    assertThat(plan.keys()).extracting(KeyPlan::name).containsExactly("own", "shared",
        "shared-ap-southeast-2", "shared-eu-west-1");
    KeyPlan replica = plan.keys().get(3);
    assertThat(replica.arn()).isEqualTo(
        "arn:aws:kms:eu-west-1:444455556666:key/mrk-1234abcd12ab34cd56ef1234567890ab");
    assertThat(replica.region()).isEqualTo("eu-west-1");
    assertThat(replica.replicaOf()).isEqualTo("shared");
    assertThat(plan.keys().get(0).statements().get(0).principals())
        .containsExactly(SLR, FLEET, SPOT);
    assertThat(plan.grants()).extracting(g -> g.keyName() + " " + g.name() + " " + g.region()
        + " " + g.granteePrincipal().substring(g.granteePrincipal().lastIndexOf('/') + 1))
        .containsExactly(
            "shared asg-shared us-west-2 AWSServiceRoleForAutoScaling",
            "shared asg-shared-ec2-fleet us-west-2 AWSServiceRoleForEC2Fleet",
            "shared asg-shared-spot-fleet us-west-2 AWSServiceRoleForEC2SpotFleet",
            "shared-ap-southeast-2 asg-shared ap-southeast-2 AWSServiceRoleForAutoScaling",
            "shared-ap-southeast-2 asg-shared-ec2-fleet ap-southeast-2"
                + " AWSServiceRoleForEC2Fleet",
            "shared-ap-southeast-2 asg-shared-spot-fleet ap-southeast-2"
                + " AWSServiceRoleForEC2SpotFleet",
            "shared-eu-west-1 asg-shared eu-west-1 AWSServiceRoleForAutoScaling",
            "shared-eu-west-1 asg-shared-ec2-fleet eu-west-1 AWSServiceRoleForEC2Fleet",
            "shared-eu-west-1 asg-shared-spot-fleet eu-west-1"
                + " AWSServiceRoleForEC2SpotFleet");
    // The CreateGrant policy lists every replica, once.
    assertThat(plan.createGrantPolicies().get(0).statements().get(0).resources())
        .containsExactly(
            "arn:aws:kms:ap-southeast-2:444455556666:key/mrk-1234abcd12ab34cd56ef1234567890ab",
            "arn:aws:kms:eu-west-1:444455556666:key/mrk-1234abcd12ab34cd56ef1234567890ab",
            "arn:aws:kms:us-west-2:444455556666:key/mrk-1234abcd12ab34cd56ef1234567890ab");
  }

  @Test
  void aRoleOfOnesOwnIsLetInThroughEc2InTheKeysRegionOnlyAndGetsNoGrant() throws Exception {
    Plan plan = plan(LAUNCHERS);

    KeyPlan replica = plan.keys().get(3);
    List<PolicyStatement> own = replica.statements().stream()
        .filter(s -> s.principals().contains(OWN_ROLE)).toList();
    assertThat(own).extracting(PolicyStatement::sid).containsExactly(
        "Allow launcher roles use of the KMS through EC2",
        "Allow launcher roles attachment of persistent resources through EC2");
    assertThat(own.get(1).conditions()).containsExactly(
        new Condition("Bool", "kms:GrantIsForAWSResource", List.of("true")),
        new Condition("StringEquals", "kms:ViaService", List.of("ec2.eu-west-1.amazonaws.com")),
        new Condition("StringEquals", "kms:CallerAccount", List.of("111122223333")));
    assertThat(plan.grants()).noneMatch(g -> g.granteePrincipal().equals(OWN_ROLE));
    // Across accounts, its IAM policy too: every replica, through EC2 in their Regions.
    List<IamPolicyPlan> policies = plan.autoScalingAccount().launcherRolePolicies();
    assertThat(policies).extracting(IamPolicyPlan::name, IamPolicyPlan::roleName)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("asg-kms-launch-karpenter",
            "karpenter"));
    assertThat(policies.get(0).statements()).extracting(s -> s.sid() + " " + s.resources()
        + " " + s.conditions().get(s.conditions().size() - 1).values()).containsExactly(
            "AllowUseOfTheKMSinExternalAccount444455556666ThroughEC2Inapsoutheast2"
                + " [arn:aws:kms:ap-southeast-2:444455556666:key/mrk-1234abcd12ab34cd56ef1234567890ab]"
                + " [ec2.ap-southeast-2.amazonaws.com]",
            "AllowAttachmentOfPersistentResourcesInExternalAccount444455556666ThroughEC2Inapsoutheast2"
                + " [arn:aws:kms:ap-southeast-2:444455556666:key/mrk-1234abcd12ab34cd56ef1234567890ab]"
                + " [ec2.ap-southeast-2.amazonaws.com]",
            "AllowUseOfTheKMSinExternalAccount444455556666ThroughEC2Ineuwest1"
                + " [arn:aws:kms:eu-west-1:444455556666:key/mrk-1234abcd12ab34cd56ef1234567890ab]"
                + " [ec2.eu-west-1.amazonaws.com]",
            "AllowAttachmentOfPersistentResourcesInExternalAccount444455556666ThroughEC2Ineuwest1"
                + " [arn:aws:kms:eu-west-1:444455556666:key/mrk-1234abcd12ab34cd56ef1234567890ab]"
                + " [ec2.eu-west-1.amazonaws.com]",
            "AllowUseOfTheKMSinExternalAccount444455556666ThroughEC2Inuswest2"
                + " [arn:aws:kms:us-west-2:444455556666:key/mrk-1234abcd12ab34cd56ef1234567890ab]"
                + " [ec2.us-west-2.amazonaws.com]",
            "AllowAttachmentOfPersistentResourcesInExternalAccount444455556666ThroughEC2Inuswest2"
                + " [arn:aws:kms:us-west-2:444455556666:key/mrk-1234abcd12ab34cd56ef1234567890ab]"
                + " [ec2.us-west-2.amazonaws.com]");
  }

  @Test
  void withOnlyRolesOfOnesOwnAKeyInAnotherAccountDoesNotLetTheAccountIn() throws Exception {
    Plan plan = plan("""
        version: 1
        autoScalingAccountId: "111122223333"
        launchers:
          - roleArn: arn:aws:iam::111122223333:role/k8s/karpenter
        keys:
          - name: shared
            arn: arn:aws:kms:us-west-2:444455556666:key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4d
        """);

    assertThat(plan.grants()).isEmpty();
    assertThat(plan.createGrantPolicies()).isEmpty();
    assertThat(plan.keys().get(0).statements()).allMatch(
        s -> s.principals().equals(List.of(OWN_ROLE)));
  }

  @Test
  void importedOrCreatedRolesAreEveryServiceLinkedLaunchersWithTheSuffixOnAutoScalingOnly()
      throws Exception {
    Plan plan = plan("""
        version: 1
        autoScalingAccountId: "111122223333"
        serviceLinkedRoleSuffix: web
        importServiceLinkedRoles: true
        launchers: [ec2-fleet, autoscaling]
        keys:
          - name: own
            arn: arn:aws:kms:us-west-2:111122223333:key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4d
        """);

    assertThat(plan.importServiceLinkedRoles()).isTrue();
    assertThat(plan.managedServiceLinkedRoles()).extracting(ServiceLinkedRolePlan::roleName)
        .containsExactly("AWSServiceRoleForAutoScaling_web", "AWSServiceRoleForEC2Fleet");
    assertThat(plan.managedServiceLinkedRoles().get(1).customSuffix()).isNull();
  }
}

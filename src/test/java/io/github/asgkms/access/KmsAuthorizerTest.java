package io.github.asgkms.access;

import static io.github.asgkms.access.Docs.A;
import static io.github.asgkms.access.Docs.DEPLOYER;
import static io.github.asgkms.access.Docs.DEPLOYER_ROLE;
import static io.github.asgkms.access.Docs.KEY_A;
import static io.github.asgkms.access.Docs.KEY_B;
import static io.github.asgkms.access.Docs.SLR;
import static io.github.asgkms.access.Docs.SLR_ROLE;
import static io.github.asgkms.access.Docs.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.asgkms.access.Decision.Gap;
import io.github.asgkms.access.Decision.Outcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KmsAuthorizerTest {
  private static final PolicyDocument EXTERNAL = policy("key-policy-b.json", """
      [
        {"Sid": "Use", "Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111122223333:root"]},
         "Action": ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*",
                    "kms:DescribeKey"], "Resource": "*"},
        {"Sid": "Attach", "Effect": "Allow", "Principal": {"AWS": "111122223333"},
         "Action": "kms:CreateGrant", "Resource": "*",
         "Condition": {"StringEquals": {"kms:GranteePrincipal": "%s"},
                       "ForAllValues:StringEquals": {"kms:GrantOperations": ["Decrypt", "CreateGrant"]}}}
      ]""".formatted(SLR_ROLE));
  private static final PolicyDocument CREATOR = policy("create-grant-policy.json", """
      {"Version": "2012-10-17", "Statement": [
        {"Sid": "Create", "Effect": "Allow", "Action": "kms:CreateGrant", "Resource": "%s"},
        {"Sid": "Retire", "Effect": "Allow", "Action": "kms:RetireGrant", "Resource": "%s"}
      ]}""".formatted(KEY_B, KEY_B));
  private static final GrantRequest FOR_SLR =
      new GrantRequest(SLR_ROLE, List.of("Decrypt", "CreateGrant"), "asg-ebs", null);

  private static AccessWorld crossAccount() {
    return Docs.world(EXTERNAL, Map.of(DEPLOYER_ROLE, List.of(CREATOR)));
  }

  @Test
  void crossAccountNeedsTheKeyPolicyAndTheCallersIamPolicy() {
    Decision both = KmsAuthorizer.decide(crossAccount(),
        KmsRequest.createGrant(DEPLOYER, KEY_B, FOR_SLR, false));
    assertThat(both.allowed()).isTrue();
    assertThat(both.sources()).extracting(Decision.Source::describe).containsExactly(
        "statement 'Attach' of key-policy-b.json",
        "statement 'Create' of create-grant-policy.json");

    Decision noIam = KmsAuthorizer.decide(Docs.world(EXTERNAL, Map.of()),
        KmsRequest.createGrant(DEPLOYER, KEY_B, FOR_SLR, false));
    assertThat(noIam.gap()).isEqualTo(Gap.IDENTITY_POLICY);

    Decision noKeyPolicy = KmsAuthorizer.decide(crossAccount(),
        KmsRequest.of(DEPLOYER, "ListGrants", KEY_B));
    assertThat(noKeyPolicy.gap()).isEqualTo(Gap.KEY_POLICY);
    assertThat(noKeyPolicy.reason()).isEqualTo("the key policy (key-policy-b.json) allows"
        + " kms:ListGrants neither to " + DEPLOYER + " nor to its account 111122223333");
  }

  @Test
  void conditionsRestrictCreateGrantToTheGranteeAndOperationsTheyName() {
    AccessWorld world = crossAccount();
    assertThat(KmsAuthorizer.decide(world, KmsRequest.createGrant(DEPLOYER, KEY_B,
        new GrantRequest(SLR_ROLE, List.of("Decrypt"), null, null), false)).allowed())
        .as("a subset of the operations").isTrue();
    assertThat(KmsAuthorizer.decide(world, KmsRequest.createGrant(DEPLOYER, KEY_B,
        new GrantRequest(SLR_ROLE, List.of("Decrypt", "Encrypt"), null, null), false))
        .gap()).isEqualTo(Gap.KEY_POLICY);
    assertThat(KmsAuthorizer.decide(world, KmsRequest.createGrant(DEPLOYER, KEY_B,
        new GrantRequest(DEPLOYER_ROLE, List.of("Decrypt"), null, null), false)).gap())
        .isEqualTo(Gap.KEY_POLICY);
  }

  @Test
  void sameAccountKeyPolicyNamingTheRoleAllowsItsSessionsWithoutIam() {
    PolicyDocument keyPolicy = policy("key-policy-a.json", """
        [{"Sid": "Use", "Effect": "Allow", "Principal": {"AWS": ["%s"]},
          "Action": ["kms:Decrypt", "kms:ReEncrypt*", "kms:generatedatakey*"], "Resource": "*"},
         {"Sid": "Attach", "Effect": "Allow", "Principal": {"AWS": ["%s"]},
          "Action": ["kms:CreateGrant"], "Resource": "*",
          "Condition": {"Bool": {"kms:GrantIsForAWSResource": true}}}]
        """.formatted(SLR_ROLE, SLR_ROLE));
    AccessWorld world = new AccessWorld(Map.of(KEY_A, keyPolicy), Map.of(), new GrantState());
    for (String operation : List.of("Decrypt", "ReEncryptFrom", "ReEncryptTo",
        "GenerateDataKeyWithoutPlaintext")) {
      assertThat(KmsAuthorizer.decide(world, KmsRequest.of(SLR, operation, KEY_A)).allowed())
          .as(operation).isTrue();
    }
    assertThat(KmsAuthorizer.decide(world, KmsRequest.of(SLR, "Encrypt", KEY_A)).allowed())
        .isFalse();
    GrantRequest ebs = new GrantRequest("arn:aws:iam::111122223333:role/other",
        List.of("Decrypt"), null, null);
    assertThat(KmsAuthorizer.decide(world, KmsRequest.createGrant(SLR, KEY_A, ebs, true))
        .allowed()).isTrue();
    assertThat(KmsAuthorizer.decide(world, KmsRequest.createGrant(SLR, KEY_A, ebs, false))
        .allowed()).as("not for an AWS resource").isFalse();
    assertThat(KmsAuthorizer.decide(world,
        KmsRequest.of("arn:aws:sts::999999999999:assumed-role/AWSServiceRoleForAutoScaling/x",
            "Decrypt", KEY_A)).allowed()).as("a role of the same name elsewhere").isFalse();
  }

  @Test
  void sameAccountRootStatementDelegatesToIam() {
    PolicyDocument keyPolicy = policy("full.json", """
        {"Statement": {"Sid": "Enable IAM User Permissions", "Effect": "Allow",
          "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*",
          "Resource": "*"}}""");
    PolicyDocument admin = policy("admin.json", """
        {"Statement": [{"Effect": "Allow", "Action": "kms:Put*", "Resource": "*"}]}""");
    AccessWorld world = new AccessWorld(Map.of(KEY_A, keyPolicy),
        Map.of(DEPLOYER_ROLE, List.of(admin)), new GrantState());
    assertThat(KmsAuthorizer.decide(world, KmsRequest.of(DEPLOYER, "PutKeyPolicy", KEY_A))
        .allowed()).isTrue();
    assertThat(KmsAuthorizer.decide(world, KmsRequest.of(DEPLOYER, "Decrypt", KEY_A)).gap())
        .isEqualTo(Gap.IDENTITY_POLICY);
    assertThat(KmsAuthorizer.decide(world, KmsRequest.of(SLR, "Decrypt", KEY_A)).gap())
        .as("the root principal is not the account's every role").isEqualTo(
            Gap.IDENTITY_POLICY);
  }

  @Test
  void anExplicitDenyWinsOverEveryAllow() {
    PolicyDocument deny = policy("deny.json", """
        {"Statement": [{"Sid": "NoGrants", "Effect": "Deny", "Action": "kms:*Grant",
          "Resource": "*"}]}""");
    AccessWorld world = Docs.world(EXTERNAL, Map.of(DEPLOYER_ROLE, List.of(CREATOR, deny)));
    Decision decision = KmsAuthorizer.decide(world,
        KmsRequest.createGrant(DEPLOYER, KEY_B, FOR_SLR, false));
    assertThat(decision.gap()).isEqualTo(Gap.EXPLICIT_DENY);
    assertThat(decision.reason()).isEqualTo(
        "explicitly denied by statement 'NoGrants' of deny.json");
  }

  @Test
  void aGrantAllowsItsGranteeItsOperationsAcrossAccountsWithoutPolicies() {
    AccessWorld world = Docs.world(null, Map.of());
    world.grants().create(KEY_B, FOR_SLR, "test");
    assertThat(KmsAuthorizer.decide(world, KmsRequest.of(SLR, "Decrypt", KEY_B)).allowed())
        .isTrue();
    assertThat(KmsAuthorizer.decide(world, KmsRequest.of(SLR, "Encrypt", KEY_B)).gap())
        .isEqualTo(Gap.KEY_POLICY);
    assertThat(KmsAuthorizer.decide(world, KmsRequest.of(DEPLOYER, "Decrypt", KEY_B)).allowed())
        .isFalse();
    assertThat(KmsAuthorizer.decide(world, KmsRequest.of(SLR, "ListGrants", KEY_B)).allowed())
        .as("not a grant operation").isFalse();
    GrantRequest onward = new GrantRequest("arn:aws:iam::111122223333:role/ebs",
        List.of("Decrypt"), null, null);
    assertThat(KmsAuthorizer.decide(world, KmsRequest.createGrant(SLR, KEY_B, onward, true))
        .allowed()).as("a subset of the grant's operations").isTrue();
    assertThat(KmsAuthorizer.decide(world, KmsRequest.createGrant(SLR, KEY_B,
        new GrantRequest("x", List.of("Decrypt", "Encrypt"), null, null), true)).allowed())
        .as("more than the grant has").isFalse();
  }

  @Test
  void retirementIsDecidedByTheGrantNeverByTheCreatingAccountBackup() {
    AccessWorld world = crossAccount();
    Grant byRole = world.grants().create(KEY_B,
        new GrantRequest(SLR_ROLE, List.of("Decrypt"), "a", DEPLOYER_ROLE), "test");
    Grant byAccount = world.grants().create(KEY_B,
        new GrantRequest(SLR_ROLE, List.of("Decrypt"), "b", "arn:aws:iam::" + A + ":root"), "t");
    Grant none = world.grants().create(KEY_B,
        new GrantRequest(SLR_ROLE, List.of("Decrypt"), "c", null), "test");
    Grant selfRetiring = world.grants().create(KEY_B,
        new GrantRequest(SLR_ROLE, List.of("Decrypt", "RetireGrant"), "d", null), "test");

    assertThat(retire(world, DEPLOYER, byRole).allowed()).isTrue();
    String other = "arn:aws:sts::111122223333:assumed-role/other/x";
    assertThat(retire(world, other, byRole).gap()).isEqualTo(Gap.RETIREMENT);
    assertThat(retire(world, DEPLOYER, byAccount).allowed()).as("IAM allows RetireGrant")
        .isTrue();
    assertThat(retire(world, other, byAccount).reason()).contains("no IAM policy of " + other
        + " allows kms:RetireGrant");
    assertThat(retire(world, DEPLOYER, none).reason()).contains("is neither the retiring"
        + " principal", "the backup by the account in which the grant was created is not"
        + " relied on");
    assertThat(retire(world, SLR, selfRetiring).allowed()).isTrue();
    assertThat(retire(world, SLR, none).allowed()).isFalse();
    assertThat(KmsAuthorizer.decide(world, KmsRequest.onGrant(DEPLOYER, "RetireGrant", KEY_B,
        "f".repeat(64))).outcome()).isEqualTo(Outcome.NOT_FOUND);
  }

  private static Decision retire(AccessWorld world, String caller, Grant grant) {
    return KmsAuthorizer.decide(world, KmsRequest.onGrant(caller, "RetireGrant", KEY_B,
        grant.id()));
  }

  @Test
  void viaServiceHoldsOnlyForRequestsTheNamedServiceSends() {
    PolicyDocument keyPolicy = policy("via.json", """
        [{"Sid": "ThroughEC2", "Effect": "Allow", "Principal": {"AWS": "%s"},
          "Action": "kms:Decrypt", "Resource": "*",
          "Condition": {"StringEquals": {"kms:ViaService": "ec2.us-west-2.amazonaws.com",
                                         "kms:CallerAccount": "%s"}}}]
        """.formatted(DEPLOYER_ROLE, A));
    AccessWorld world = new AccessWorld(Map.of(KEY_A, keyPolicy), Map.of(), new GrantState());
    KmsRequest decrypt = KmsRequest.of(DEPLOYER, "Decrypt", KEY_A);
    assertThat(KmsAuthorizer.decide(world, decrypt.through("ec2.us-west-2.amazonaws.com"))
        .allowed()).isTrue();
    assertThat(KmsAuthorizer.decide(world, decrypt.through("ec2.eu-west-1.amazonaws.com"))
        .allowed()).isFalse();
    Decision itself = KmsAuthorizer.decide(world, decrypt);
    assertThat(itself.allowed()).isFalse();
    assertThat(itself.notModelled()).isEmpty();
    assertThat(decrypt.through("ec2.us-west-2.amazonaws.com").toString())
        .isEqualTo("kms:Decrypt through ec2.us-west-2.amazonaws.com");
  }

  @Test
  void conditionsAndElementsItDoesNotModelNeverAllowAndAlwaysDenyAndAreReported() {
    PolicyDocument keyPolicy = policy("odd.json", """
        [{"Sid": "SourceVpc", "Effect": "Allow", "Principal": {"AWS": "%s"},
          "Action": "kms:Decrypt", "Resource": "*",
          "Condition": {"StringEquals": {"aws:SourceVpc": "vpc-1"}}},
         {"Sid": "Numeric", "Effect": "Allow", "Principal": {"AWS": "%s"},
          "Action": "kms:Encrypt", "Resource": "*",
          "Condition": {"NumericLessThan": {"kms:CallerAccount": "2"}}},
         {"Sid": "NotAction", "Effect": "Allow", "Principal": {"AWS": "%s"},
          "NotAction": "kms:Decrypt", "Resource": "*"}]
        """.formatted(SLR_ROLE, SLR_ROLE, SLR_ROLE));
    AccessWorld world = new AccessWorld(Map.of(KEY_A, keyPolicy), Map.of(), new GrantState());
    Decision decrypt = KmsAuthorizer.decide(world, KmsRequest.of(SLR, "Decrypt", KEY_A));
    assertThat(decrypt.allowed()).isFalse();
    assertThat(decrypt.notModelled()).contains(
        "statement 'SourceVpc' of odd.json: condition StringEquals aws:SourceVpc [vpc-1] not"
            + " modelled",
        "statement 'NotAction' of odd.json: NotAction not modelled");
    assertThat(KmsAuthorizer.decide(world, KmsRequest.of(SLR, "Encrypt", KEY_A)).allowed())
        .isFalse();

    PolicyDocument deny = policy("deny.json", """
        {"Statement": [{"Sid": "D", "Effect": "Deny", "Action": "kms:*", "Resource": "*",
          "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-1"}}}]}""");
    AccessWorld denied = crossAccount().withIdentity(DEPLOYER_ROLE, List.of(CREATOR, deny));
    assertThat(KmsAuthorizer.decide(denied,
        KmsRequest.createGrant(DEPLOYER, KEY_B, FOR_SLR, false)).gap())
        .isEqualTo(Gap.EXPLICIT_DENY);
  }

  @Test
  void forAllValuesHoldsForAnAbsentKeyAsIamHasIt() {
    ConditionClause clause = new ConditionClause("ForAllValues:StringEquals",
        "kms:GrantOperations", List.of("Decrypt"));
    assertThat(Conditions.evaluate(clause, Map.of())).isEqualTo(Conditions.Result.MATCH);
    assertThat(Conditions.evaluate(clause, Map.of("kms:grantoperations",
        List.of("Decrypt", "Sign")))).isEqualTo(Conditions.Result.NO_MATCH);
    assertThat(Conditions.evaluate(new ConditionClause("StringEquals", "kms:GrantOperations",
        List.of("Decrypt")), Map.of())).isEqualTo(Conditions.Result.UNSUPPORTED);
    assertThat(Conditions.evaluate(new ConditionClause("Bool", "KMS:grantisforawsresource",
        List.of("TRUE")), Map.of("kms:grantisforawsresource", List.of("true"))))
        .as("keys without regard to case").isEqualTo(Conditions.Result.MATCH);
  }

  @Test
  void createGrantWithANameIsIdempotentAndAnythingElseMakesANewGrant() {
    GrantState state = new GrantState();
    Grant first = state.create(KEY_B, FOR_SLR, "t");
    assertThat(state.create(KEY_B, FOR_SLR, "t").id()).isEqualTo(first.id());
    assertThat(state.create(KEY_B, new GrantRequest(SLR_ROLE, List.of("CreateGrant", "Decrypt"),
        "asg-ebs", null), "t").id()).as("operations as a set").isEqualTo(first.id());
    assertThat(state.create(KEY_B, FOR_SLR.withName("asg-ebs-2"), "t").id())
        .isNotEqualTo(first.id());
    assertThat(state.create(KEY_B, FOR_SLR.withName(null), "t").id()).isNotEqualTo(first.id());
    assertThat(first.id()).matches("[0-9a-f]{64}");
    assertThat(state.delete(KEY_B, first.id())).isTrue();
    assertThat(state.delete(KEY_B, first.id())).isFalse();
  }
}

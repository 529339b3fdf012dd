package io.github.asgkms.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asgkms.plan.Plan;
import io.github.asgkms.render.Format;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Every launcher is replayed on every key plan, replicas included: each service-linked role
 * through the key policy or its own grant, a role of the user's own through EC2 in the key's
 * Region; and each part the plan gives a launcher is needed by some call or probe.
 */
class LaunchersTest {
  static final String ROLE = "arn:aws:iam::111122223333:role/controllers/karpenter-controller";
  /** Auto Scaling, EC2 Fleet and a role of one's own; a key of the Auto Scaling account, and
   * one in another account replicated to a second Region. */
  static final Plan PLAN = Plans.of("""
      version: 1
      autoScalingAccountId: "111122223333"
      launchers:
        - autoscaling
        - ec2-fleet
        - roleArn: %s
      keys:
        - name: local
          arn: arn:aws:kms:us-west-2:111122223333:key/11111111-2222-3333-4444-555555555555
        - name: remote
          arn: arn:aws:kms:us-west-2:444455556666:key/mrk-1a2b3c4d5e6f1a2b3c4d5e6f1a2b3c4d
          replicaRegions: [eu-west-1]
      grantCreator:
        roleName: deployer
      """.formatted(ROLE));

  private static Replay replay(Plan plan, RenderedDocuments docs) {
    Replay replay = new Replay(SequenceLoader.load(), Deployment.rendered(Format.TERRAFORM,
        plan, docs), Deployment.planned(plan));
    replay.run();
    return replay;
  }

  private static List<String> findings(Consumer<RenderedDocuments> change) {
    RenderedDocuments docs = AsPlanned.documents(PLAN);
    assertThat(AccessCheck.check(SequenceLoader.load(), Deployment.rendered(Format.TERRAFORM,
        PLAN, docs), Deployment.planned(PLAN))).as("as planned").isEmpty();
    change.accept(docs);
    return AccessCheck.check(SequenceLoader.load(), Deployment.rendered(Format.TERRAFORM, PLAN,
        docs), Deployment.planned(PLAN)).stream().map(AccessFinding::message).toList();
  }

  private static String arn(String keyName) {
    return PLAN.keys().stream().filter(k -> k.name().equals(keyName)).findFirst().orElseThrow()
        .arn();
  }

  @Test
  void everyLauncherLaunchesOnEveryKeyAndReplica() {
    Replay replay = replay(PLAN, AsPlanned.documents(PLAN));
    assertThat(replay.findings).isEmpty();
    assertThat(PLAN.keys()).extracting(k -> k.name()).containsExactly("local", "remote",
        "remote-eu-west-1");
    for (String key : List.of("local", "remote", "remote-eu-west-1")) {
      for (String launcher : List.of("autoscaling", "ec2-fleet")) {
        assertThat(replay.trace).contains("launch/decrypt " + key + " " + launcher
            + ": allowed");
      }
      assertThat(replay.trace).contains(
          "launch-own-role/grant for the volume " + key + " " + ROLE + ": allowed",
          "launch-own-role/decrypt " + key + " " + ROLE + ": allowed",
          "launch-own-role/describe the key " + key + " " + ROLE + ": allowed");
    }
    // Terraform's sequence runs for each grant: per key in the other account and launcher.
    assertThat(replay.trace).filteredOn(t -> t.startsWith("terraform/create ")).containsExactly(
        "terraform/create remote autoscaling: allowed",
        "terraform/create remote ec2-fleet: allowed",
        "terraform/create remote-eu-west-1 autoscaling: allowed",
        "terraform/create remote-eu-west-1 ec2-fleet: allowed");
  }

  @Test
  void withoutItsGrantTheEc2FleetCannotLaunchOnTheKeyInAnotherAccount() {
    String key = arn("remote-eu-west-1");
    assertThat(findings(docs -> docs.grants.removeIf(g -> g.keyArn().equals(key)
        && g.request().grantee().contains("ec2fleet")))).singleElement().asString().contains(
            "required call refused: Terraform (hashicorp/aws provider), aws_kms_grant, step"
                + " 'create' for key remote-eu-west-1 (launcher: the EC2 Fleet service-linked"
                + " role)", "the planned grant is missing");
  }

  @Test
  void aLauncherRoleStatementWithoutViaServiceLetsTheRoleUseTheKeyItself() {
    String key = arn("local");
    assertThat(findings(docs -> docs.keyPolicies.put(key, withoutCondition(
        docs.keyPolicies.get(key), "kms:ViaService")))).anySatisfy(m ->
            assertThat(m).contains("excess access: probe 'a launcher role calling KMS itself,"
                + " not through EC2' on key local (launcher: the launcher role"
                + " karpenter-controller)", "by arn:aws:sts::111122223333:assumed-role/"
                + "karpenter-controller/launch"));
  }

  @Test
  void aLauncherRoleStatementForEveryRegionLetsEc2ElsewhereUseTheKey() {
    String key = arn("local");
    assertThat(findings(docs -> docs.keyPolicies.put(key, withCondition(
        docs.keyPolicies.get(key), "kms:ViaService", List.of("ec2.us-west-2.amazonaws.com",
            "ec2.eu-west-1.amazonaws.com"))))).isNotEmpty().allSatisfy(m ->
                assertThat(m).contains("excess access: probe 'a launcher role through EC2 in"
                    + " another key's Region' on key local", "through"
                    + " ec2.eu-west-1.amazonaws.com"));
  }

  @Test
  void withoutItsIamPolicyTheLauncherRoleCannotUseTheKeysInAnotherAccount() {
    assertThat(findings(docs -> docs.identityPolicies.remove(ROLE))).isNotEmpty()
        .allSatisfy(m -> assertThat(m).contains("required call refused: Amazon EC2 launching"
            + " an instance for a launcher role, step 'grant for the volume' for key remote",
            "(launcher: the launcher role karpenter-controller)",
            "no IAM policy of arn:aws:sts::111122223333:assumed-role/karpenter-controller/"
                + "launch allows kms:CreateGrant"))
        .anySatisfy(m -> assertThat(m).contains("for key remote-eu-west-1"));
  }

  @Test
  void withoutItsOwnKeyPolicyNoLauncherCanLaunchOnTheReplica() {
    String replica = arn("remote-eu-west-1");
    List<String> findings = findings(docs -> docs.keyPolicies.remove(replica));
    assertThat(findings).anySatisfy(m -> assertThat(m).contains("Amazon EC2 launching an"
        + " instance for a launcher role, step 'grant for the volume' for key remote-eu-west-1",
        "no key policy read for " + replica));
    assertThat(findings).anySatisfy(m -> assertThat(m).contains("step 'create' for key"
        + " remote-eu-west-1 (launcher: the Auto Scaling service-linked role)"));
    assertThat(findings).noneSatisfy(m -> assertThat(m).contains("for key remote "));
  }

  @Test
  void everyPartThePlanGivesTheLaunchersIsNeededOrAnAllowance() {
    RenderedDocuments docs = AsPlanned.documents(PLAN);
    Deployment planned = Deployment.planned(PLAN);
    List<String> survivors = new java.util.ArrayList<>();
    for (Mutations.Mutation m : Mutations.of(docs)) {
      if (AccessCheck.check(SequenceLoader.load(), Deployment.rendered(Format.TERRAFORM, PLAN,
          m.documents()), planned).isEmpty()
          && MutationTest.allowances().stream().noneMatch(a -> a.covers(m,
              PLAN.autoScalingAccountId()))) {
        survivors.add(m.description());
      }
    }
    assertThat(survivors).isEmpty();
  }

  @Test
  void accessMdHasARowPerLauncherOnEveryKeyItReaches() {
    Deployment d = Deployment.rendered(Format.TERRAFORM, PLAN, AsPlanned.documents(PLAN));
    Deployment planned = Deployment.planned(PLAN);
    List<AccessTables.Page> pages = AccessTables.pages(new FormatAccess(Format.TERRAFORM, d,
        KeyClasses.of(d, d.world(), planned, planned.world()), List.of()));
    AccessTables.Page asg = pages.stream().filter(AccessTables.Page::autoScalingAccount)
        .findFirst().orElseThrow();
    assertThat(asg.keys()).extracting(AccessTables.KeyTable::name).containsExactly("local",
        "remote", "remote-eu-west-1");
    for (AccessTables.KeyTable key : asg.keys()) {
      assertThat(key.rows()).extracting(AccessTables.Row::who).contains(
          "the Auto Scaling service-linked role", "the EC2 Fleet service-linked role",
          "the launcher role karpenter-controller");
      assertThat(key.rows()).filteredOn(r -> r.principal().equals(ROLE))
          .allSatisfy(r -> assertThat(r.conditions()).contains("kms:ViaService = ec2."
              + (key.name().endsWith("eu-west-1") ? "eu-west-1" : "us-west-2")
              + ".amazonaws.com"));
    }
  }

  private static PolicyDocument withoutCondition(PolicyDocument doc, String conditionKey) {
    List<Statement> statements = doc.statements().stream().map(s -> s.withConditions(
        s.conditions().stream().filter(c -> !c.key().equals(conditionKey)).toList())).toList();
    return new PolicyDocument(doc.origin(), doc.name(), statements);
  }

  private static PolicyDocument withCondition(PolicyDocument doc, String conditionKey,
      List<String> values) {
    List<Statement> statements = doc.statements().stream().map(s -> s.withConditions(
        s.conditions().stream().map(c -> c.key().equals(conditionKey)
            ? new ConditionClause(c.operator(), c.key(), values) : c).toList())).toList();
    return new PolicyDocument(doc.origin(), doc.name(), statements);
  }
}

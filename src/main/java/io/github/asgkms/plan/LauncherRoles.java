package io.github.asgkms.plan;

import io.github.asgkms.aws.Partition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a launcher that is a role of the user's own gets: statements in every key's policy, and
 * for keys in other accounts an IAM policy of its own. It calls RunInstances itself, so EC2
 * uses the key with the role's permissions; it gets no grant.
 */
final class LauncherRoles {
  /** The IAM policy of a launcher that is a role of one's own: this and the role's name. */
  static final String POLICY_PREFIX = "asg-kms-launch-";

  private LauncherRoles() {}

  /**
   * A role of the user's own that calls RunInstances: EC2 uses the key with the role's
   * permissions, so the key policy names the role, only for requests EC2 sends in the key's
   * Region (kms:ViaService) for the Auto Scaling account (kms:CallerAccount), as the KMS
   * Developer Guide's condition keys describe. CreateGrant only for AWS resources, as the
   * article's statement for the service-linked role.
   */
  static List<PolicyStatement> keyStatements(List<String> roleArns,
      String ec2Service, String asgAccount) {
    List<Condition> throughEc2 = List.of(
        new Condition("StringEquals", "kms:ViaService", List.of(ec2Service)),
        new Condition("StringEquals", "kms:CallerAccount", List.of(asgAccount)));
    List<Condition> attach = new ArrayList<>();
    attach.add(new Condition("Bool", "kms:GrantIsForAWSResource", List.of("true")));
    attach.addAll(throughEc2);
    return List.of(
        new PolicyStatement("Allow launcher roles use of the KMS through EC2", roleArns,
            Planner.CRYPTO_ACTIONS, List.of("*"), throughEc2),
        new PolicyStatement("Allow launcher roles attachment of persistent resources through EC2",
            roleArns, List.of(Planner.CREATE_GRANT), List.of("*"), attach));
  }

  /**
   * The IAM policies of each launcher that is a role of the user's own, for the keys in other
   * accounts: across accounts a call needs the caller's IAM policy too. By key account, the
   * same actions as the key policy gives the role, on those keys only, each through EC2 in its
   * own Region.
   */
  static List<IamPolicyPlan> policies(List<KeyPlan> keys, Launchers launchers,
      Partition partition) {
    if (launchers.roleArns.isEmpty()) {
      return List.of();
    }
    Map<String, List<KeyPlan>> byAccount = new TreeMap<>();
    for (KeyPlan key : keys) {
      if (key.crossAccount()) {
        byAccount.computeIfAbsent(key.accountId(), a -> new ArrayList<>()).add(key);
      }
    }
    if (byAccount.isEmpty()) {
      return List.of();
    }
    // By key account, then by Region: each key is used through EC2 in its own Region only, as
    // its key policy has it.
    List<PolicyStatement> statements = new ArrayList<>();
    byAccount.forEach((account, accountKeys) -> {
      Map<String, List<String>> arnsByRegion = new TreeMap<>();
      for (KeyPlan key : accountKeys) {
        arnsByRegion.computeIfAbsent(key.region(), r -> new ArrayList<>()).add(key.arn());
      }
      arnsByRegion.forEach((region, regionArns) -> {
        List<String> arns = regionArns.stream().sorted().toList();
        String where = account + "ThroughEC2In" + region.replace("-", "");
        Condition throughEc2 = new Condition("StringEquals", "kms:ViaService",
            List.of(partition.ec2Service(region)));
        statements.add(new PolicyStatement("AllowUseOfTheKMSinExternalAccount" + where,
            List.of(), Planner.CRYPTO_ACTIONS, arns, List.of(throughEc2)));
        statements.add(new PolicyStatement("AllowAttachmentOfPersistentResourcesInExternalAccount"
            + where, List.of(), List.of(Planner.CREATE_GRANT), arns, List.of(
                new Condition("Bool", "kms:GrantIsForAWSResource", List.of("true")),
                throughEc2)));
      });
    });
    List<IamPolicyPlan> policies = new ArrayList<>();
    for (LauncherPlan launcher : launchers.all) {
      if (!launcher.serviceLinked()) {
        policies.addAll(Planner.policies(statements, POLICY_PREFIX + launcher.roleName(),
            launcher.roleName()));
      }
    }
    return policies;
  }
}

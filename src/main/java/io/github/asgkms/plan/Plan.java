package io.github.asgkms.plan;

import io.github.asgkms.aws.GrantManager;
import io.github.asgkms.aws.Partition;
import java.util.List;

/**
 * Everything AWS requires for a spec: the statements of each key's policy, the grants, the IAM
 * policies of the identity that creates them, and the roles. It knows no output format: files,
 * resource names, logical IDs and how a format numbers what IAM's size limit splits are the
 * format layer's ({@code io.github.asgkms.render} and the templates), which renders each format
 * from this alone. Lists are sorted so that the output does not depend on spec order.
 *
 * @param specLabel the spec file as the generated headers name it
 * @param partition the partition of every ARN
 * @param autoScalingAccountId the account that owns the Auto Scaling groups
 * @param launchers who launches instances with the keys, in launcher order: the services'
 *     service-linked roles (autoscaling, ec2-fleet, spot-fleet), then the user's own roles in
 *     spec order
 * @param managedServiceLinkedRoles the service-linked roles the output creates before anything
 *     that names them, or adopts with importServiceLinkedRoles; empty when the spec leaves them
 *     to the services
 * @param importServiceLinkedRoles whether the roles are adopted by import rather than created
 * @param grantManager the one tool that creates, reads and deletes the grants
 * @param grantCreatorArn the identity of the Auto Scaling account that creates the grants with
 *     Terraform or the CLI: the spec's grantCreator role, else the account root
 * @param accounts each account that has something to apply, sorted by account ID
 * @param keys every key, sorted by name
 * @param warnings things in the spec that are valid but have no effect
 */
public record Plan(
    String specLabel,
    Partition partition,
    String autoScalingAccountId,
    List<LauncherPlan> launchers,
    List<ServiceLinkedRolePlan> managedServiceLinkedRoles,
    boolean importServiceLinkedRoles,
    GrantManager grantManager,
    String grantCreatorArn,
    List<AccountPlan> accounts,
    List<KeyPlan> keys,
    List<String> warnings) {

  public Plan {
    launchers = List.copyOf(launchers);
    managedServiceLinkedRoles = List.copyOf(managedServiceLinkedRoles);
    accounts = List.copyOf(accounts);
    keys = List.copyOf(keys);
    warnings = List.copyOf(warnings);
  }

  /** The Auto Scaling account's part: same-account key policies, grants, CreateGrant policy. */
  public AccountPlan autoScalingAccount() {
    return accounts.stream().filter(AccountPlan::autoScalingAccount).findFirst().orElseThrow();
  }

  public List<GrantPlan> grants() {
    return autoScalingAccount().grants();
  }

  /** The launchers that are services' service-linked roles, which get grants. */
  public List<LauncherPlan> serviceLinkedLaunchers() {
    return launchers.stream().filter(LauncherPlan::serviceLinked).toList();
  }

  /** The launchers that are the user's own roles. */
  public List<LauncherPlan> roleLaunchers() {
    return launchers.stream().filter(l -> !l.serviceLinked()).toList();
  }

  public List<IamPolicyPlan> createGrantPolicies() {
    return autoScalingAccount().createGrantPolicies();
  }
}

package io.github.asgkms.render;

import io.github.asgkms.aws.GrantManager;
import io.github.asgkms.plan.AccountPlan;
import java.util.List;

/**
 * CloudFormation has no key-policy resource, so each key gets a snippet of statements to paste
 * into its own {@code AWS::KMS::Key}; and it has no grant resource, so when CloudFormation
 * manages the grants, the Auto Scaling account gets a stack whose custom resources create
 * them. That stack also holds the service-linked roles when the spec creates them, the grant
 * creator's policy when the spec names its role, and the IAM policies of the launchers that
 * are roles of one's own; it is left out when it would hold nothing.
 */
final class CloudFormationLayout extends Layout {
  private static final String KEY_POLICY = "cloudformation/key-policy.yaml.ftl";
  private static final String STACK_TEMPLATE = "cloudformation/auto-scaling-account-stack.yaml.ftl";
  /** The stack includes the grant function's code as it is, so it shapes the output too. */
  private static final List<String> TEMPLATES = List.of(KEY_POLICY, STACK_TEMPLATE,
      "cloudformation/lib.ftl", "cloudformation/grant-function.py");

  CloudFormationLayout(Format format) {
    super(format, KEY_POLICY);
  }

  @Override
  List<String> templates() {
    return TEMPLATES;
  }

  @Override
  void addAccountFiles(Folder folder) {
    AccountPlan account = folder.account;
    boolean createsRole = account.autoScalingAccount()
        && !folder.plan.managedServiceLinkedRoles().isEmpty();
    boolean createsGrants = !account.grants().isEmpty()
        && folder.plan.grantManager() == GrantManager.CLOUDFORMATION;
    boolean attachesPolicy = account.createGrantPolicies().stream()
        .anyMatch(policy -> policy.roleName() != null);
    boolean launcherPolicies = !account.launcherRolePolicies().isEmpty();
    if (createsGrants || createsRole || attachesPolicy || launcherPolicies) {
      folder.add(STACK_TEMPLATE, OutputPaths.STACK_FILE);
    }
  }
}

package io.github.asgkms.plan;

import java.util.List;

/**
 * What is applied with one account's credentials.
 *
 * @param accountId the account
 * @param autoScalingAccount whether it owns the Auto Scaling groups; only that account holds
 *     grants and the CreateGrant policy, since a grant must be created from it
 * @param keys the keys in this account whose policies need statements, sorted by name
 * @param grants the grants for keys in other accounts, sorted by key name
 * @param createGrantPolicies the IAM policies of the identity that creates the grants, as many
 *     as IAM's size limit needs; empty without grants. Which identity that is, and so which
 *     calls the statements allow, follows from the grant manager: the grant creator that runs
 *     Terraform or the CLI ({@link Plan#grantCreatorArn}), or the role of the function that
 *     the grant manager deploys to create them, whose policies have no name or role
 * @param launcherRolePolicies the IAM policies of the launchers that are roles of the user's
 *     own, in the Auto Scaling account, for the keys in other accounts: a caller in another
 *     account needs the key's use from its own IAM policy as well as from the key policy. Each
 *     names the role it is attached to; empty elsewhere
 */
public record AccountPlan(
    String accountId,
    boolean autoScalingAccount,
    List<KeyPlan> keys,
    List<GrantPlan> grants,
    List<IamPolicyPlan> createGrantPolicies,
    List<IamPolicyPlan> launcherRolePolicies) {

  public AccountPlan {
    keys = List.copyOf(keys);
    grants = List.copyOf(grants);
    createGrantPolicies = List.copyOf(createGrantPolicies);
    launcherRolePolicies = List.copyOf(launcherRolePolicies);
  }
}

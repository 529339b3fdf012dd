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
 * @param createGrantPolicies the grant creator's IAM policies for those keys, as many as IAM's
 *     size limit needs; empty without grants, and when CloudFormation manages the grants
 * @param grantFunctionPolicies the policies of the CloudFormation function that creates and
 *     retires those grants; empty without grants, and when another tool manages them
 */
public record AccountPlan(
    String accountId,
    boolean autoScalingAccount,
    List<KeyPlan> keys,
    List<GrantPlan> grants,
    List<IamPolicyPlan> createGrantPolicies,
    List<IamPolicyPlan> grantFunctionPolicies) {

  public AccountPlan {
    keys = List.copyOf(keys);
    grants = List.copyOf(grants);
    createGrantPolicies = List.copyOf(createGrantPolicies);
    grantFunctionPolicies = List.copyOf(grantFunctionPolicies);
  }
}

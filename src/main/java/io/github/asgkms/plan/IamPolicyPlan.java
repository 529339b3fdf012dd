package io.github.asgkms.plan;

import java.util.List;

/**
 * An IAM policy for the identity that creates the grants.
 *
 * @param name the policy's IAM name, or null where the tool that deploys the identity names it
 *     (the grant function's policies)
 * @param statements its statements, each with an alphanumeric Sid
 * @param roleName the existing role to attach it to, or null: the account's identities then
 *     need it attached, or the role is new and gets it where it is made
 */
public record IamPolicyPlan(String name, List<PolicyStatement> statements, String roleName) {

  public IamPolicyPlan {
    statements = List.copyOf(statements);
  }
}

package io.github.asgkms.plan;

import java.util.List;

/**
 * An IAM policy for the identity that creates the grants.
 *
 * @param name the policy's name, or null where CloudFormation names it
 * @param statements its statements, each with an alphanumeric Sid
 * @param roleName the role to attach it to, or null
 */
public record IamPolicyPlan(String name, List<PolicyStatement> statements, String roleName) {

  public IamPolicyPlan {
    statements = List.copyOf(statements);
  }
}

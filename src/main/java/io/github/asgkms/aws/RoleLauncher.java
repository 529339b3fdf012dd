package io.github.asgkms.aws;

/**
 * A role of the user's own that calls RunInstances itself, such as a node autoscaler's
 * controller. EC2 then uses the key with the role's own permissions, so the role needs the key
 * policy, and for a key in another account its IAM policy too; it gets no grant.
 *
 * @param arn the role's ARN
 */
public record RoleLauncher(IamRoleArn arn) implements Launcher {
  @Override
  public String id() {
    return arn.arn();
  }
}

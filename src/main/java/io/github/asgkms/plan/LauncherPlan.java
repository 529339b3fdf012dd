package io.github.asgkms.plan;

/**
 * One launcher: who calls EC2 to launch instances with the keys.
 *
 * @param id {@code autoscaling}, {@code ec2-fleet} or {@code spot-fleet} for a service's
 *     service-linked role; the role's ARN for a role of the user's own
 * @param serviceLinked whether it is a service's service-linked role, which gets the article's
 *     statements and grants; else a role of the user's own, which gets statements conditioned
 *     on EC2 in the key's Region and the Auto Scaling account, and no grant
 * @param roleArn the role's ARN
 * @param roleName the role's name
 * @param awsServiceName the service the role is linked to, or null for a role of one's own
 * @param customSuffix the service-linked role's custom suffix, or null
 */
public record LauncherPlan(String id, boolean serviceLinked, String roleArn, String roleName,
    String awsServiceName, String customSuffix) {}

package io.github.asgkms.plan;

/**
 * A service-linked role the output manages: it creates it, for an account that has none yet
 * (a service creates its role with its first use, and until then KMS refuses any key policy or
 * grant that names it), or, with importServiceLinkedRoles, adopts the existing one.
 *
 * @param launcher the launcher's id: {@code autoscaling}, {@code ec2-fleet} or
 *     {@code spot-fleet}
 * @param awsServiceName the service the role is linked to, such as
 *     {@code autoscaling.amazonaws.com}
 * @param customSuffix the role's suffix, or null
 * @param roleName the role's name, suffix included
 * @param roleArn the role's ARN, which an import names it by
 */
public record ServiceLinkedRolePlan(String launcher, String awsServiceName, String customSuffix,
    String roleName, String roleArn) {}

package io.github.asgkms.plan;

/**
 * The service-linked role to create, for an account that has none yet. Auto Scaling creates
 * its role with the account's first group, and until then KMS refuses any key policy or grant
 * that names it as a principal.
 *
 * @param awsServiceName the service the role is linked to: {@code autoscaling.amazonaws.com}
 * @param customSuffix the role's suffix, or null for {@code AWSServiceRoleForAutoScaling}
 */
public record ServiceLinkedRolePlan(String awsServiceName, String customSuffix) {}

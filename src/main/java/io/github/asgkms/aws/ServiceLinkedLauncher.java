package io.github.asgkms.aws;

import java.util.Arrays;
import java.util.Optional;

/**
 * A service that launches instances through its own service-linked role. Each role's name and
 * path are fixed by IAM: {@code role/aws-service-role/<service>/<name>}.
 */
public enum ServiceLinkedLauncher implements Launcher {
  /**
   * Amazon EC2 Auto Scaling, and the EKS managed node groups that launch through it (Auto
   * Scaling User Guide, "Service-linked roles for Amazon EC2 Auto Scaling").
   */
  AUTOSCALING("autoscaling", "Auto Scaling", "autoscaling.amazonaws.com",
      "AWSServiceRoleForAutoScaling"),
  /** EC2 Fleet (Amazon EC2 User Guide, "EC2 Fleet prerequisites"). */
  EC2_FLEET("ec2-fleet", "EC2 Fleet", "ec2fleet.amazonaws.com", "AWSServiceRoleForEC2Fleet"),
  /** Spot Fleet (Amazon EC2 User Guide, "Spot Fleet permissions"). */
  SPOT_FLEET("spot-fleet", "Spot Fleet", "spotfleet.amazonaws.com",
      "AWSServiceRoleForEC2SpotFleet");

  private final String id;
  private final String displayName;
  private final String serviceName;
  private final String roleName;

  ServiceLinkedLauncher(String id, String displayName, String serviceName, String roleName) {
    this.id = id;
    this.displayName = displayName;
    this.serviceName = serviceName;
    this.roleName = roleName;
  }

  @Override
  public String id() {
    return id;
  }

  /** The service as AWS's documentation names it: {@code Auto Scaling}, {@code EC2 Fleet}. */
  public String displayName() {
    return displayName;
  }

  /** The service the role is linked to, as iam:CreateServiceLinkedRole names it. */
  public String serviceName() {
    return serviceName;
  }

  /** The role's name without a custom suffix. */
  public String roleName() {
    return roleName;
  }

  /** Whether IAM lets this service's role take a custom suffix; only Auto Scaling's does here. */
  public boolean takesSuffix() {
    return this == AUTOSCALING;
  }

  /** The role's ARN in the account: its fixed path, then its name and suffix, if any. */
  public String roleArn(Partition partition, String accountId, Optional<String> suffix) {
    return "arn:" + partition.id() + ":iam::" + accountId + ":role/aws-service-role/"
        + serviceName + "/" + roleName(suffix);
  }

  /** The role's name with its custom suffix, if any: {@code <name>_<suffix>}. */
  public String roleName(Optional<String> suffix) {
    return roleName + suffix.filter(s -> takesSuffix()).map(s -> "_" + s).orElse("");
  }

  public static Optional<ServiceLinkedLauncher> fromId(String id) {
    return Arrays.stream(values()).filter(launcher -> launcher.id.equals(id)).findFirst();
  }

  public static String ids() {
    return "autoscaling, ec2-fleet, spot-fleet";
  }

  @Override
  public String toString() {
    return id;
  }
}

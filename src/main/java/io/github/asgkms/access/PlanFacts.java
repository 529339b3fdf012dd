package io.github.asgkms.access;

import io.github.asgkms.plan.Plan;

/** The plan's facts about who creates the grants, as the access model needs them. */
final class PlanFacts {
  private PlanFacts() {}

  /**
   * The Auto Scaling service-linked role's ARN, or else the first service-linked launcher's;
   * null when every launcher is a role of the user's own.
   */
  static String launcherRole(Plan plan) {
    return plan.serviceLinkedLaunchers().isEmpty() ? null
        : plan.serviceLinkedLaunchers().get(0).roleArn();
  }

  /** The spec's grantCreator role, or null when the account root creates the grants. */
  static String creatorRoleName(Plan plan) {
    String arn = plan.grantCreatorArn();
    int role = arn.indexOf(":role/");
    return role < 0 ? null : arn.substring(role + ":role/".length());
  }
}

package io.github.asgkms.access;

import io.github.asgkms.plan.Plan;

/** The plan's facts about who creates the grants, as the access model needs them. */
final class PlanFacts {
  private PlanFacts() {}

  /** The spec's grantCreator role, or null when the account root creates the grants. */
  static String creatorRoleName(Plan plan) {
    String arn = plan.grantCreatorArn();
    int role = arn.indexOf(":role/");
    return role < 0 ? null : arn.substring(role + ":role/".length());
  }
}

package io.github.asgkms.access;

import io.github.asgkms.plan.GrantPlan;
import io.github.asgkms.plan.IamPolicyPlan;
import io.github.asgkms.plan.Plan;
import io.github.asgkms.render.Format;

/**
 * The plan's facts the access model needs about who manages the grants: the manager, the grant
 * creator, each grant's retiring principal.
 */
final class PlanFacts {
  /** The tools that manage grants (DESIGN-10 section 1). */
  enum Manager {
    TERRAFORM(Format.TERRAFORM),
    CLOUDFORMATION(Format.CLOUDFORMATION),
    CLI(Format.JSON);

    final Format format;

    Manager(Format format) {
      this.format = format;
    }

    String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private PlanFacts() {}

  static Manager manager(Plan plan) {
    return Manager.TERRAFORM;
  }

  /** The spec's grantCreator role, or null when the account root creates the grants. */
  static String creatorRoleName(Plan plan) {
    for (IamPolicyPlan policy : plan.createGrantPolicies()) {
      if (policy.roleName() != null) {
        return policy.roleName();
      }
    }
    return null;
  }

  static String grantCreatorArn(Plan plan) {
    String role = creatorRoleName(plan);
    return role != null
        ? Principals.role(plan.partition().id(), plan.autoScalingAccountId(), role)
        : Principals.root(plan.partition().id(), plan.autoScalingAccountId());
  }

  static String retiringPrincipal(Plan plan, GrantPlan grant) {
    return null;
  }
}

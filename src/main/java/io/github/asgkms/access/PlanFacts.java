package io.github.asgkms.access;

import io.github.asgkms.aws.ServiceLinkedLauncher;
import io.github.asgkms.plan.LauncherPlan;
import io.github.asgkms.plan.Plan;

/** The plan's facts about who launches and who creates the grants, as the access model needs. */
final class PlanFacts {
  private PlanFacts() {}

  /**
   * The launcher a lane stands for when nothing ties it to one: the first service-linked
   * launcher, whose grant the grant manager's probes ask for; else the first launcher.
   */
  static LauncherPlan defaultLauncher(Plan plan) {
    if (!plan.serviceLinkedLaunchers().isEmpty()) {
      return plan.serviceLinkedLaunchers().get(0);
    }
    return plan.launchers().isEmpty() ? null : plan.launchers().get(0);
  }

  /** Who a launcher is, in words, as findings and ACCESS.md name it. */
  static String describe(LauncherPlan launcher) {
    if (!launcher.serviceLinked()) {
      return "the launcher role " + launcher.roleName();
    }
    return "the " + ServiceLinkedLauncher.fromId(launcher.id())
        .map(ServiceLinkedLauncher::displayName).orElse(launcher.id()) + " service-linked role";
  }

  /**
   * Whether findings name the launcher: only when the spec has another than Auto Scaling's,
   * so that the messages of a spec with the default launcher read as they always have.
   */
  static boolean namesLaunchers(Plan plan) {
    return plan.launchers().size() > 1
        || plan.launchers().size() == 1 && !plan.launchers().get(0).id()
            .equals(ServiceLinkedLauncher.AUTOSCALING.id());
  }

  /** What a finding's "where" adds for a launcher: nothing where launchers are not named. */
  static String forLauncher(Plan plan, LauncherPlan launcher) {
    return launcher == null || !namesLaunchers(plan) ? "" : " (launcher: " + describe(launcher)
        + ")";
  }

  /**
   * The ARN of a role an output attaches a policy to by name, in an account: a launcher's
   * own role with that name (its ARN has the role's path, which a name leaves out), else the
   * role of that name without a path.
   */
  static String roleArn(Plan plan, String account, String roleName) {
    if (account.equals(plan.autoScalingAccountId())) {
      for (LauncherPlan launcher : plan.roleLaunchers()) {
        if (launcher.roleName().equals(roleName)) {
          return launcher.roleArn();
        }
      }
    }
    return Principals.role(plan.partition().id(), account, roleName);
  }

  /** The spec's grantCreator role, or null when the account root creates the grants. */
  static String creatorRoleName(Plan plan) {
    String arn = plan.grantCreatorArn();
    int role = arn.indexOf(":role/");
    return role < 0 ? null : arn.substring(role + ":role/".length());
  }
}

package io.github.asgkms.render;

import io.github.asgkms.aws.GrantManager;
import io.github.asgkms.plan.AccountPlan;
import io.github.asgkms.plan.IamPolicyPlan;
import io.github.asgkms.plan.Plan;
import java.util.List;

/** Which templates a format renders for a plan, and where each file goes. */
interface Layout {
  List<RenderJob> jobs(Plan plan);

  /**
   * Every built-in template of the format, those it imports included: what the up-to-date
   * stamp hashes, so a changed template means work again.
   */
  List<String> templates();

  /**
   * The grant creator's IAM policies, for an identity of the account to hold: none when the
   * grants are created by the function that the CloudFormation stack deploys, whose role gets
   * its policies in that stack.
   */
  static List<IamPolicyPlan> policiesToAttach(Plan plan, AccountPlan account) {
    return plan.grantManager() == GrantManager.CLOUDFORMATION ? List.of()
        : account.createGrantPolicies();
  }
}

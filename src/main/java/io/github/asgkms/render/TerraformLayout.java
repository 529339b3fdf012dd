package io.github.asgkms.render;

import io.github.asgkms.aws.GrantManager;
import io.github.asgkms.plan.AccountPlan;
import io.github.asgkms.plan.GrantPlan;
import io.github.asgkms.plan.IamPolicyPlan;
import io.github.asgkms.plan.KeyPlan;
import io.github.asgkms.plan.Plan;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code terraform/account-<id>/}: one folder per account, each applied with that account's
 * credentials. A file per key and, when Terraform manages the grants, per grant, so dropping a
 * key drops its files; the Auto Scaling account also holds the service-linked role when the
 * spec creates it.
 */
final class TerraformLayout implements Layout {
  private static final String VERSIONS = "terraform/versions.tf.ftl";
  private static final String KEY_POLICY = "terraform/key-policy.tf.ftl";
  private static final String GRANT = "terraform/grant.tf.ftl";
  private static final String CREATE_GRANT_POLICY = "terraform/create-grant-policy.tf.ftl";
  private static final String SERVICE_LINKED_ROLE = "terraform/service-linked-role.tf.ftl";
  private static final List<String> TEMPLATES = List.of(VERSIONS, KEY_POLICY, GRANT,
      CREATE_GRANT_POLICY, SERVICE_LINKED_ROLE, "terraform/lib.ftl");

  @Override
  public List<String> templates() {
    return TEMPLATES;
  }

  @Override
  public List<RenderJob> jobs(Plan plan) {
    List<RenderJob> jobs = new ArrayList<>();
    for (AccountPlan account : plan.accounts()) {
      String folder = "terraform/account-" + account.accountId() + "/";
      List<RenderJob> files = new ArrayList<>();
      for (KeyPlan key : account.keys()) {
        files.add(RenderJob.of(KEY_POLICY,
            folder + "key-policy-" + key.name() + ".tf", plan, "account", account, "key", key));
      }
      if (plan.grantManager() == GrantManager.TERRAFORM) {
        for (GrantPlan grant : account.grants()) {
          files.add(RenderJob.of(GRANT,
              folder + "grant-" + grant.keyName() + ".tf", plan, "account", account,
              "grant", grant));
        }
      }
      if (account.autoScalingAccount() && plan.newServiceLinkedRole() != null) {
        files.add(RenderJob.of(SERVICE_LINKED_ROLE,
            folder + "service-linked-role.tf", plan, "account", account,
            "role", plan.newServiceLinkedRole()));
      }
      List<IamPolicyPlan> policies = Layout.policiesToAttach(plan, account);
      if (!policies.isEmpty()) {
        files.add(RenderJob.of(CREATE_GRANT_POLICY,
            folder + "create-grant-policy.tf", plan, "account", account, "policies", policies));
      }
      // A folder with nothing to apply gets no versions.tf either.
      if (!files.isEmpty()) {
        jobs.add(RenderJob.of(VERSIONS, folder + "versions.tf", plan, "account", account));
        jobs.addAll(files);
      }
    }
    return jobs;
  }
}

package io.github.asgkms.render;

import io.github.asgkms.plan.AccountPlan;
import io.github.asgkms.plan.GrantPlan;
import io.github.asgkms.plan.KeyPlan;
import io.github.asgkms.plan.Plan;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code terraform/account-<id>/}: one folder per account, each applied with that account's
 * credentials. A file per key and per grant, so dropping a key drops its files; the Auto
 * Scaling account also holds the service-linked role when the spec creates it.
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
      if (account.keys().isEmpty() && account.grants().isEmpty()) {
        continue;
      }
      String folder = "terraform/account-" + account.accountId() + "/";
      jobs.add(RenderJob.of(VERSIONS, folder + "versions.tf", plan,
          "account", account));
      for (KeyPlan key : account.keys()) {
        jobs.add(RenderJob.of(KEY_POLICY,
            folder + "key-policy-" + key.name() + ".tf", plan, "account", account, "key", key));
      }
      for (GrantPlan grant : account.grants()) {
        jobs.add(RenderJob.of(GRANT,
            folder + "grant-" + grant.keyName() + ".tf", plan, "account", account,
            "grant", grant));
      }
      if (account.autoScalingAccount() && plan.newServiceLinkedRole() != null) {
        jobs.add(RenderJob.of(SERVICE_LINKED_ROLE,
            folder + "service-linked-role.tf", plan, "account", account,
            "role", plan.newServiceLinkedRole()));
      }
      if (!account.createGrantPolicies().isEmpty()) {
        jobs.add(RenderJob.of(CREATE_GRANT_POLICY,
            folder + "create-grant-policy.tf", plan, "account", account,
            "policies", account.createGrantPolicies()));
      }
    }
    return jobs;
  }
}

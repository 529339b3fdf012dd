package io.github.asgkms.render;

import io.github.asgkms.aws.GrantManager;
import io.github.asgkms.plan.AccountPlan;
import io.github.asgkms.plan.IamPolicyPlan;
import io.github.asgkms.plan.KeyPlan;
import io.github.asgkms.plan.Plan;
import io.github.asgkms.text.Numbering;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code json/account-<id>/}: the article's own forms. Key-policy statements per key, the IAM
 * grant creator's policy, and, when the CLI manages the grants, the script that creates them.
 */
final class JsonLayout implements Layout {
  private static final String KEY_POLICY = "json/key-policy.json.ftl";
  private static final String CREATE_GRANT_POLICY = "json/create-grant-policy.json.ftl";
  private static final String CREATE_GRANTS = "json/create-grants.sh.ftl";
  private static final List<String> TEMPLATES =
      List.of(KEY_POLICY, CREATE_GRANT_POLICY, CREATE_GRANTS, "json/lib.ftl");

  @Override
  public List<String> templates() {
    return TEMPLATES;
  }

  @Override
  public List<RenderJob> jobs(Plan plan) {
    List<RenderJob> jobs = new ArrayList<>();
    for (AccountPlan account : plan.accounts()) {
      String folder = "json/account-" + account.accountId() + "/";
      for (KeyPlan key : account.keys()) {
        jobs.add(RenderJob.of(KEY_POLICY,
            folder + "key-policy-" + key.name() + ".json", plan, "account", account, "key", key));
      }
      List<IamPolicyPlan> policies = Layout.policiesToAttach(plan, account);
      for (int i = 0; i < policies.size(); i++) {
        // One document per policy: create-grant-policy.json, -2.json and so on.
        jobs.add(RenderJob.of(CREATE_GRANT_POLICY,
            folder + Numbering.nth("create-grant-policy", i, "-") + ".json", plan,
            "account", account,
            "policy", policies.get(i)));
      }
      if (!account.grants().isEmpty() && plan.grantManager() == GrantManager.CLI) {
        jobs.add(RenderJob.of(CREATE_GRANTS, folder + "create-grants.sh", plan,
            "account", account).asExecutable());
      }
    }
    return jobs;
  }
}

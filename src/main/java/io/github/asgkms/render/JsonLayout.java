package io.github.asgkms.render;

import io.github.asgkms.plan.AccountPlan;
import io.github.asgkms.plan.KeyPlan;
import io.github.asgkms.plan.Plan;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code json/account-<id>/}: the article's own forms. Key-policy statements per key, the IAM
 * CreateGrant policy, and the CLI script that creates the grants.
 */
final class JsonLayout implements Layout {
  @Override
  public List<RenderJob> jobs(Plan plan) {
    List<RenderJob> jobs = new ArrayList<>();
    for (AccountPlan account : plan.accounts()) {
      String folder = "json/account-" + account.accountId() + "/";
      for (KeyPlan key : account.keys()) {
        jobs.add(RenderJob.of("json/key-policy.json.ftl",
            folder + "key-policy-" + key.name() + ".json", plan, "account", account, "key", key));
      }
      if (account.createGrantPolicy() != null) {
        jobs.add(RenderJob.of("json/create-grant-policy.json.ftl",
            folder + "create-grant-policy.json", plan, "account", account,
            "policy", account.createGrantPolicy()));
      }
      if (!account.grants().isEmpty()) {
        jobs.add(RenderJob.of("json/create-grants.sh.ftl", folder + "create-grants.sh", plan,
            "account", account));
      }
    }
    return jobs;
  }
}

package io.github.asgkms.render;

import io.github.asgkms.aws.GrantManager;
import io.github.asgkms.plan.IamPolicyPlan;
import io.github.asgkms.text.Numbering;
import java.util.List;

/**
 * The article's own forms: key-policy statements per key, the IAM grant creator's policy, and,
 * when the CLI manages the grants, the script that creates them.
 */
final class JsonLayout extends Layout {
  private static final String KEY_POLICY = "json/key-policy.json.ftl";
  private static final String CREATE_GRANT_POLICY = "json/create-grant-policy.json.ftl";
  private static final String CREATE_GRANTS = "json/create-grants.sh.ftl";
  private static final List<String> TEMPLATES =
      List.of(KEY_POLICY, CREATE_GRANT_POLICY, CREATE_GRANTS, "json/lib.ftl");

  JsonLayout(String format) {
    super(format, KEY_POLICY, "json");
  }

  @Override
  List<String> templates() {
    return TEMPLATES;
  }

  @Override
  void addAccountFiles(Folder folder) {
    List<IamPolicyPlan> policies = policiesToAttach(folder.plan, folder.account);
    for (int i = 0; i < policies.size(); i++) {
      // One document per policy: create-grant-policy.json, -2.json and so on.
      folder.add(CREATE_GRANT_POLICY, Numbering.nth("create-grant-policy", i, "-") + ".json",
          "policy", policies.get(i));
    }
    if (!folder.account.grants().isEmpty() && folder.plan.grantManager() == GrantManager.CLI) {
      folder.addScript(CREATE_GRANTS, "create-grants.sh");
    }
  }
}

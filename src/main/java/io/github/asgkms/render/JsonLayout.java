package io.github.asgkms.render;

import io.github.asgkms.aws.GrantManager;
import io.github.asgkms.plan.IamPolicyPlan;
import java.util.List;

/**
 * The article's own forms: key-policy statements per key, the IAM grant creator's policy, and,
 * when the CLI manages the grants, the script that creates them; and an IAM policy document
 * per policy of a launcher that is a role of one's own.
 */
final class JsonLayout extends Layout {
  private static final String KEY_POLICY = "json/key-policy.json.ftl";
  private static final String CREATE_GRANT_POLICY = "json/create-grant-policy.json.ftl";
  private static final String CREATE_GRANTS = "json/create-grants.sh.ftl";
  private static final String LAUNCHER_ROLE_POLICY = "json/launcher-role-policy.json.ftl";
  private static final List<String> TEMPLATES = List.of(KEY_POLICY, CREATE_GRANT_POLICY,
      CREATE_GRANTS, LAUNCHER_ROLE_POLICY, "json/lib.ftl");

  JsonLayout(Format format) {
    super(format, KEY_POLICY);
  }

  @Override
  List<String> templates() {
    return TEMPLATES;
  }

  @Override
  void addAccountFiles(Folder folder) {
    List<IamPolicyPlan> policies = policiesToAttach(folder.plan, folder.account);
    for (int i = 0; i < policies.size(); i++) {
      // One document per policy, as IAM's size limit splits them.
      folder.add(CREATE_GRANT_POLICY, OutputPaths.createGrantPolicyFile(i),
          "policy", policies.get(i));
    }
    for (IamPolicyPlan policy : folder.account.launcherRolePolicies()) {
      folder.add(LAUNCHER_ROLE_POLICY, OutputPaths.launcherRolePolicyFile(policy),
          "policy", policy);
    }
    if (!folder.account.grants().isEmpty() && folder.plan.grantManager() == GrantManager.CLI) {
      folder.addScript(CREATE_GRANTS, OutputPaths.SCRIPT_FILE);
    }
  }
}

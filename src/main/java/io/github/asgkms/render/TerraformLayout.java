package io.github.asgkms.render;

import io.github.asgkms.aws.GrantManager;
import io.github.asgkms.plan.GrantPlan;
import io.github.asgkms.plan.IamPolicyPlan;
import java.util.List;

/**
 * Terraform: a file per key and, when Terraform manages the grants, per grant, so dropping a
 * key drops its files; the Auto Scaling account also holds the service-linked roles when the
 * spec creates or imports them (and then the import blocks, in a file of their own), the
 * grant creator's policy, and the IAM policies of the launchers that are roles of one's own.
 */
final class TerraformLayout extends Layout {
  private static final String VERSIONS = "terraform/versions.tf.ftl";
  private static final String KEY_POLICY = "terraform/key-policy.tf.ftl";
  private static final String GRANT = "terraform/grant.tf.ftl";
  private static final String CREATE_GRANT_POLICY = "terraform/create-grant-policy.tf.ftl";
  private static final String SERVICE_LINKED_ROLE = "terraform/service-linked-role.tf.ftl";
  private static final String IMPORT = "terraform/import-service-linked-roles.tf.ftl";
  private static final String LAUNCHER_ROLE_POLICY = "terraform/launcher-role-policy.tf.ftl";
  private static final List<String> TEMPLATES = List.of(VERSIONS, KEY_POLICY, GRANT,
      CREATE_GRANT_POLICY, SERVICE_LINKED_ROLE, IMPORT, LAUNCHER_ROLE_POLICY,
      "terraform/lib.ftl");

  TerraformLayout(Format format) {
    super(format, KEY_POLICY);
  }

  @Override
  List<String> templates() {
    return TEMPLATES;
  }

  @Override
  void addAccountFiles(Folder folder) {
    if (folder.plan.grantManager() == GrantManager.TERRAFORM) {
      for (GrantPlan grant : folder.account.grants()) {
        folder.add(GRANT, OutputPaths.terraformGrantFile(grant), "grant", grant);
      }
    }
    if (folder.account.autoScalingAccount()
        && !folder.plan.managedServiceLinkedRoles().isEmpty()) {
      folder.add(SERVICE_LINKED_ROLE, OutputPaths.SERVICE_LINKED_ROLE_FILE,
          "roles", folder.plan.managedServiceLinkedRoles());
      if (folder.plan.importServiceLinkedRoles()) {
        folder.add(IMPORT, OutputPaths.IMPORT_FILE,
            "roles", folder.plan.managedServiceLinkedRoles());
      }
    }
    List<IamPolicyPlan> policies = policiesToAttach(folder.plan, folder.account);
    if (!policies.isEmpty()) {
      folder.add(CREATE_GRANT_POLICY, OutputPaths.CREATE_GRANT_POLICY_TF_FILE,
          "policies", policies);
    }
    if (!folder.account.launcherRolePolicies().isEmpty()) {
      folder.add(LAUNCHER_ROLE_POLICY, OutputPaths.LAUNCHER_ROLE_POLICY_TF_FILE,
          "policies", folder.account.launcherRolePolicies());
    }
    // A folder with nothing to apply gets no versions.tf either.
    if (!folder.isEmpty()) {
      folder.add(VERSIONS, "versions.tf");
    }
  }
}

package io.github.asgkms.render;

import io.github.asgkms.aws.GrantManager;
import io.github.asgkms.plan.GrantPlan;
import io.github.asgkms.plan.IamPolicyPlan;
import java.util.List;

/**
 * Terraform: a file per key and, when Terraform manages the grants, per grant, so dropping a
 * key drops its files; the Auto Scaling account also holds the service-linked role when the
 * spec creates it, and the grant creator's policy.
 */
final class TerraformLayout extends Layout {
  private static final String VERSIONS = "terraform/versions.tf.ftl";
  private static final String KEY_POLICY = "terraform/key-policy.tf.ftl";
  private static final String GRANT = "terraform/grant.tf.ftl";
  private static final String CREATE_GRANT_POLICY = "terraform/create-grant-policy.tf.ftl";
  private static final String SERVICE_LINKED_ROLE = "terraform/service-linked-role.tf.ftl";
  private static final List<String> TEMPLATES = List.of(VERSIONS, KEY_POLICY, GRANT,
      CREATE_GRANT_POLICY, SERVICE_LINKED_ROLE, "terraform/lib.ftl");

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
        folder.add(GRANT, "grant-" + grant.keyName() + ".tf", "grant", grant);
      }
    }
    if (folder.account.autoScalingAccount()
        && !folder.plan.managedServiceLinkedRoles().isEmpty()) {
      folder.add(SERVICE_LINKED_ROLE, "service-linked-role.tf",
          "roles", folder.plan.managedServiceLinkedRoles());
    }
    List<IamPolicyPlan> policies = policiesToAttach(folder.plan, folder.account);
    if (!policies.isEmpty()) {
      folder.add(CREATE_GRANT_POLICY, "create-grant-policy.tf", "policies", policies);
    }
    // A folder with nothing to apply gets no versions.tf either.
    if (!folder.isEmpty()) {
      folder.add(VERSIONS, "versions.tf");
    }
  }
}

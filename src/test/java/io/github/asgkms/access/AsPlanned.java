package io.github.asgkms.access;

import io.github.asgkms.plan.GrantPlan;
import io.github.asgkms.plan.IamPolicyPlan;
import io.github.asgkms.plan.KeyPlan;
import io.github.asgkms.plan.Plan;

/**
 * The documents a format would read back if it rendered exactly what the plan says, as the
 * Terraform format gives them with the grants it manages: so that the sequences run, and
 * defects can be put in, without rendered files.
 */
final class AsPlanned {
  private AsPlanned() {}

  static RenderedDocuments documents(Plan plan) {
    RenderedDocuments docs = new RenderedDocuments();
    for (KeyPlan key : plan.keys()) {
      docs.keyPolicies.put(key.arn(), Deployment.document("key-policy-" + key.name(), null,
          key.statements()));
    }
    String creator = PlanFacts.creatorRoleName(plan) != null ? plan.grantCreatorArn()
        : RenderedDocuments.unattached(plan.autoScalingAccountId());
    for (IamPolicyPlan policy : plan.createGrantPolicies()) {
      docs.addIdentityPolicy(creator, Deployment.document("policy " + policy.name(),
          policy.name(), policy.statements()));
    }
    for (IamPolicyPlan policy : plan.autoScalingAccount().launcherRolePolicies()) {
      docs.addIdentityPolicy(PlanFacts.roleArn(plan, plan.autoScalingAccountId(),
          policy.roleName()), Deployment.document("policy " + policy.name(), policy.name(),
              policy.statements()));
    }
    for (GrantPlan grant : plan.grants()) {
      docs.grants.add(new GrantDefinition(grant.keyArn(), new GrantRequest(
          grant.granteePrincipal(), grant.operations(), grant.name(),
          grant.retiringPrincipal()), true, null, "grant " + grant.name()));
    }
    return docs;
  }
}

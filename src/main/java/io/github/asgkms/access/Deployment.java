package io.github.asgkms.access;

import io.github.asgkms.aws.GrantManager;
import io.github.asgkms.plan.AccountPlan;
import io.github.asgkms.plan.Condition;
import io.github.asgkms.plan.GrantPlan;
import io.github.asgkms.plan.IamPolicyPlan;
import io.github.asgkms.plan.KeyPlan;
import io.github.asgkms.plan.Plan;
import io.github.asgkms.plan.PolicyStatement;
import io.github.asgkms.render.Format;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one format's output gives once applied in every account, and who calls: each
 * key's policy, the IAM policies of the grant creator and of the grant function's role, the
 * grants the manager is to create. A part the format does not render (the create-grant policy
 * of the CloudFormation output without a named role, the grants of a format that does not
 * manage them) comes from the plan, so that a file's verdict, like its content, never depends
 * on which other formats are generated. {@link #planned} builds the same from the plan alone:
 * what every format should give.
 */
final class Deployment {
  /** The placeholder for "any identity the create-grant policy is attached to". */
  static final String ANY_GRANT_CREATOR = "any-grant-creator";
  /** The role name that stands for an administrator of an account in the probes. */
  static final String ADMINISTRATOR = "probe-administrator";

  final String label;
  final Plan plan;
  final GrantManager manager;
  final Map<String, PolicyDocument> keyPolicies = new LinkedHashMap<>();
  final Map<String, List<PolicyDocument>> identities = new LinkedHashMap<>();
  /**
   * Grant definitions by key ARN: one planned per key and service-linked launcher, any number
   * rendered.
   */
  final Map<String, List<GrantDefinition>> grants = new LinkedHashMap<>();
  final List<RenderedDocuments.StsCall> stsCalls = new ArrayList<>();
  /** The grant creator's identity: the named role, or the placeholder. */
  final String creator;
  /** The CloudFormation function's role, or null when CloudFormation manages no grant. */
  String functionRole;
  /** The documents and grants read from the rendered files, for the mutation tests. */
  final RenderedDocuments rendered;

  private Deployment(String label, Plan plan, RenderedDocuments rendered) {
    this.label = label;
    this.plan = plan;
    this.manager = plan.grantManager();
    this.rendered = rendered;
    String role = PlanFacts.creatorRoleName(plan);
    this.creator = Principals.role(plan.partition().id(), plan.autoScalingAccountId(),
        role != null ? role : ANY_GRANT_CREATOR);
  }

  /** What the plan's own documents give. */
  static Deployment planned(Plan plan) {
    Deployment d = new Deployment("plan", plan, null);
    for (KeyPlan key : plan.keys()) {
      d.keyPolicies.put(key.arn(), document("the planned key policy of " + key.name(), null,
          key.statements()));
    }
    d.creatorPolicies(planCreatorPolicies(plan));
    d.functionPolicies(d.plannedFunctionRole(), planFunctionPolicies(plan));
    d.plannedGrants();
    for (IamPolicyPlan policy : plan.autoScalingAccount().launcherRolePolicies()) {
      d.identities.computeIfAbsent(PlanFacts.roleArn(plan, plan.autoScalingAccountId(),
          policy.roleName()), r -> new ArrayList<>()).add(document("the planned IAM policy "
              + policy.name(), policy.name(), policy.statements()));
    }
    return d;
  }

  /** What one format's rendered documents give, the parts it does not render from the plan. */
  static Deployment rendered(Format format, Plan plan, RenderedDocuments docs) {
    Deployment d = new Deployment(format.id(), plan, docs);
    d.keyPolicies.putAll(docs.keyPolicies);
    boolean hasGrants = !plan.grants().isEmpty();
    boolean creatorManaged = d.manager != GrantManager.CLOUDFORMATION && hasGrants;
    boolean rendersCreator = creatorManaged && (format != Format.CLOUDFORMATION
        || PlanFacts.creatorRoleName(plan) != null);
    if (rendersCreator) {
      String account = plan.autoScalingAccountId();
      List<PolicyDocument> creatorDocs = new ArrayList<>(docs.identityPolicies.getOrDefault(
          PlanFacts.creatorRoleName(plan) != null ? d.creator
              : RenderedDocuments.unattached(account), List.of()));
      d.creatorPolicies(creatorDocs);
    } else {
      d.creatorPolicies(planCreatorPolicies(plan));
    }
    boolean managesHere = Format.managing(d.manager) == format;
    if (managesHere) {
      for (GrantDefinition grant : docs.grants) {
        d.grants.computeIfAbsent(grant.keyArn(), k -> new ArrayList<>()).add(grant);
        if (grant.caller() != null && d.functionRole == null) {
          d.functionRole = grant.caller();
        }
      }
      d.stsCalls.addAll(docs.stsCalls);
    } else {
      d.plannedGrants();
    }
    if (d.manager == GrantManager.CLOUDFORMATION && hasGrants) {
      if (managesHere && d.functionRole != null) {
        d.functionPolicies(d.functionRole,
            docs.identityPolicies.getOrDefault(d.functionRole, List.of()));
      } else if (!managesHere) {
        d.functionPolicies(d.plannedFunctionRole(), planFunctionPolicies(plan));
      }
    }
    // Identities the rendered files give policies to that are neither the creator nor the
    // function role: kept, so that the probes see what they allow.
    docs.identityPolicies.forEach((identity, policies) -> {
      if (!identity.startsWith("unattached:")) {
        d.identities.putIfAbsent(identity, new ArrayList<>(policies));
      }
    });
    return d;
  }

  private void creatorPolicies(List<PolicyDocument> docs) {
    if (manager != GrantManager.CLOUDFORMATION && !plan.grants().isEmpty()) {
      identities.put(creator, new ArrayList<>(docs));
    }
  }

  private void functionPolicies(String role, List<PolicyDocument> docs) {
    if (manager == GrantManager.CLOUDFORMATION && !plan.grants().isEmpty()) {
      functionRole = role;
      identities.put(role, new ArrayList<>(docs));
    }
  }

  private String plannedFunctionRole() {
    return Principals.role(plan.partition().id(), plan.autoScalingAccountId(),
        CloudFormationValues.STACK_NAME + "-GrantFunctionRole");
  }

  private void plannedGrants() {
    for (GrantPlan grant : plan.grants()) {
      String retiring = manager == GrantManager.CLOUDFORMATION ? plannedFunctionRole()
          : grant.retiringPrincipal();
      grants.computeIfAbsent(grant.keyArn(), k -> new ArrayList<>()).add(new GrantDefinition(
          grant.keyArn(), new GrantRequest(grant.granteePrincipal(), grant.operations(),
              grant.name(), retiring), true,
          manager == GrantManager.CLOUDFORMATION ? plannedFunctionRole() : null,
          "created by grantManager " + manager.id() + ", not by this format's files"));
    }
  }

  private static List<PolicyDocument> planCreatorPolicies(Plan plan) {
    List<PolicyDocument> docs = new ArrayList<>();
    for (IamPolicyPlan policy : plan.createGrantPolicies()) {
      docs.add(document("the planned IAM policy " + policy.name(), policy.name(),
          policy.statements()));
    }
    return docs;
  }

  private static List<PolicyDocument> planFunctionPolicies(Plan plan) {
    List<PolicyDocument> docs = new ArrayList<>();
    int index = 0;
    for (AccountPlan account : plan.accounts()) {
      for (IamPolicyPlan policy : account.createGrantPolicies()) {
        docs.add(document("the planned grant function policy " + (++index), policy.name(),
            policy.statements()));
      }
    }
    return docs;
  }

  static PolicyDocument document(String origin, String name, List<PolicyStatement> statements) {
    List<Statement> converted = new ArrayList<>();
    for (PolicyStatement s : statements) {
      List<ConditionClause> conditions = new ArrayList<>();
      for (Condition c : s.conditions()) {
        conditions.add(new ConditionClause(c.test(), c.variable(), c.values()));
      }
      converted.add(new Statement(s.sid(), Effect.ALLOW, s.principals(), s.actions(),
          s.resources(), conditions, List.of()));
    }
    return new PolicyDocument(origin, name, converted);
  }

  /**
   * The grant the spec asks for on the key for the launcher whose role is {@code grantee}, or
   * null: a key of the Auto Scaling account, or a launcher that is a role of the user's own.
   */
  GrantPlan plannedGrant(String keyArn, String grantee) {
    for (GrantPlan grant : plannedGrants(keyArn)) {
      if (grant.granteePrincipal().equals(grantee)) {
        return grant;
      }
    }
    return null;
  }

  /** The grants the spec asks for on the key, one per service-linked launcher, in order. */
  List<GrantPlan> plannedGrants(String keyArn) {
    if (plannedGrants == null) {
      Map<String, List<GrantPlan>> byKey = new HashMap<>();
      for (GrantPlan grant : plan.grants()) {
        byKey.computeIfAbsent(grant.keyArn(), k -> new ArrayList<>()).add(grant);
      }
      plannedGrants = byKey;
    }
    return plannedGrants.getOrDefault(keyArn, List.of());
  }

  private Map<String, List<GrantPlan>> plannedGrants;

  /**
   * The first grant definition on the key for the grantee, or null. A grantee is the same role
   * however its ARN is written, as KMS compares it: the path does not tell roles apart.
   */
  GrantDefinition grantFor(String keyArn, String grantee) {
    if (grantee == null) {
      return null;
    }
    String session = Principals.session(grantee, "grantee");
    for (GrantDefinition definition : grants.getOrDefault(keyArn, List.of())) {
      String named = definition.request().grantee();
      if (named.equals(grantee) || !named.equals("*") && !Principals.isAccount(named)
          && Principals.namesCaller(named, session)) {
        return definition;
      }
    }
    return null;
  }

  /** Every account the plan names. */
  List<String> accounts() {
    List<String> accounts = new ArrayList<>();
    for (AccountPlan account : plan.accounts()) {
      accounts.add(account.accountId());
    }
    return accounts;
  }

  /** An account the spec never names, for the probes. */
  String strangerAccount() {
    for (String candidate : List.of("999999999999", "999988887777", "000000000001")) {
      if (!accounts().contains(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no free account ID");
  }

  /** An administrator's IAM policy: the most an account can give its own identities. */
  static PolicyDocument administratorPolicy() {
    return new PolicyDocument("an administrator's IAM policy (kms:* on *), for the probes",
        null, List.of(new Statement(null, Effect.ALLOW, List.of(), List.of("kms:*"),
            List.of("*"), List.of(), List.of())));
  }

  /** The world: these documents, the probes' administrators, and an empty grant state. */
  AccessWorld world() {
    Map<String, List<PolicyDocument>> all = new LinkedHashMap<>(identities);
    List<String> accounts = new ArrayList<>(accounts());
    accounts.add(strangerAccount());
    for (String account : accounts) {
      all.put(Principals.role(plan.partition().id(), account, ADMINISTRATOR),
          List.of(administratorPolicy()));
    }
    return new AccessWorld(keyPolicies, all, new GrantState());
  }
}

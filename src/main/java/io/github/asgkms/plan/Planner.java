package io.github.asgkms.plan;

import io.github.asgkms.aws.KmsKeyArn;
import io.github.asgkms.spec.KeySpec;
import io.github.asgkms.spec.Spec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applies the Knowledge Center article's rules to a spec. A key in the Auto Scaling account
 * lets the service-linked role in directly; a key in another account lets that account in, and
 * the Auto Scaling account then grants the service-linked role use of the key.
 */
public final class Planner {
  static final List<String> CRYPTO_ACTIONS =
      List.of("kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*",
          "kms:DescribeKey");
  static final String CREATE_GRANT = "kms:CreateGrant";
  static final String AUTO_SCALING_SERVICE = "autoscaling.amazonaws.com";
  static final String SERVICE_LINKED_ROLE_PATH =
      "role/aws-service-role/" + AUTO_SCALING_SERVICE + "/";
  static final String SERVICE_LINKED_ROLE_NAME = "AWSServiceRoleForAutoScaling";
  static final String CREATE_GRANT_POLICY_NAME = "asg-kms-create-grant";

  private Planner() {}

  public static Plan plan(Spec spec, String specLabel) {
    String partition = spec.partition().id();
    String asgAccount = spec.autoScalingAccountId();
    String roleName = SERVICE_LINKED_ROLE_NAME
        + spec.serviceLinkedRoleSuffix().map(suffix -> "_" + suffix).orElse("");
    String roleArn = "arn:" + partition + ":iam::" + asgAccount + ":"
        + SERVICE_LINKED_ROLE_PATH + roleName;

    List<KeySpec> keys = spec.keys().stream()
        .sorted(Comparator.comparing(KeySpec::name)).toList();
    Map<String, List<KeyPlan>> keysByAccount = new TreeMap<>();
    keysByAccount.put(asgAccount, new ArrayList<>());
    List<KeyPlan> keyPlans = new ArrayList<>();
    List<GrantPlan> grants = new ArrayList<>();
    Map<String, List<PolicyStatement>> statementsByKey = new HashMap<>();
    for (KeySpec key : keys) {
      KmsKeyArn arn = key.arn();
      boolean crossAccount = !arn.accountId().equals(asgAccount);
      List<String> operations = key.grantOperations().orElse(spec.grantOperations());
      // Keys of one account have the same statements, unless leastPrivilege names their grant
      // operations: one list serves them all, so a large plan holds, and the templates wrap,
      // each statement once.
      String statementsKey = spec.leastPrivilege() ? arn.accountId() + " " + operations
          : arn.accountId();
      List<PolicyStatement> statements = statementsByKey.get(statementsKey);
      if (statements == null) {
        statements = keyStatements(spec, arn.accountId(), crossAccount, operations, roleArn);
        statementsByKey.put(statementsKey, statements);
      }
      KeyPlan plan = new KeyPlan(key.name(), arn.arn(), arn.accountId(), arn.region(),
          crossAccount, statements, spec.fullKeyPolicy());
      keyPlans.add(plan);
      keysByAccount.computeIfAbsent(arn.accountId(), a -> new ArrayList<>()).add(plan);
      if (crossAccount) {
        grants.add(new GrantPlan(key.name(), key.grantName().orElse("asg-" + key.name()),
            arn.arn(), arn.region(), roleArn, operations, LogicalIds.grant(key.name())));
      }
    }

    List<PolicyStatement> createGrant = createGrantStatements(keyPlans, grants, spec, roleArn);
    List<IamPolicyPlan> createGrantPolicies = policies(createGrant,
        CREATE_GRANT_POLICY_NAME + spec.serviceLinkedRoleSuffix().map(s -> "-" + s).orElse(""),
        spec.grantCreatorRoleName().orElse(null));
    List<IamPolicyPlan> functionPolicies = grants.isEmpty() ? List.of()
        : policies(grantFunctionStatements(createGrant, grants), null, null);
    List<AccountPlan> accounts = new ArrayList<>();
    keysByAccount.forEach((account, accountKeys) -> {
      boolean isAsg = account.equals(asgAccount);
      accounts.add(new AccountPlan(account, isAsg, accountKeys,
          isAsg ? grants : List.of(), isAsg ? createGrantPolicies : List.of(),
          isAsg ? functionPolicies : List.of()));
    });

    List<String> warnings = new ArrayList<>();
    if (grants.isEmpty() && spec.grantCreatorRoleName().isPresent()) {
      warnings.add("grantCreator.roleName is set but every key is in the Auto Scaling account "
          + asgAccount + ", so no grant and no CreateGrant policy are generated");
    }
    ServiceLinkedRolePlan newRole = !spec.createServiceLinkedRole() ? null
        : new ServiceLinkedRolePlan(AUTO_SCALING_SERVICE,
            spec.serviceLinkedRoleSuffix().orElse(null));
    return new Plan(specLabel, spec.partition(), asgAccount, roleName, roleArn, newRole, accounts,
        keyPlans, warnings);
  }

  /** The statements a key's policy needs: the root's first for a complete policy. */
  private static List<PolicyStatement> keyStatements(Spec spec, String keyAccount,
      boolean crossAccount, List<String> operations, String roleArn) {
    String partition = spec.partition().id();
    String asgAccount = spec.autoScalingAccountId();
    List<PolicyStatement> statements = new ArrayList<>();
    if (spec.fullKeyPolicy()) {
      statements.add(rootStatement(partition, keyAccount));
    }
    statements.addAll(crossAccount
        ? externalAccountStatements(asgAccount, rootArn(partition, asgAccount),
            grantConditions(spec, roleArn, operations))
        : serviceLinkedRoleStatements(roleArn));
    return List.copyOf(statements);
  }

  /** The article's same-account statements, for the service-linked role itself. */
  private static List<PolicyStatement> serviceLinkedRoleStatements(String roleArn) {
    return List.of(
        new PolicyStatement("Allow service-linked role use of the KMS", List.of(roleArn),
            CRYPTO_ACTIONS, List.of("*"), List.of()),
        new PolicyStatement("Allow attachment of persistent resources", List.of(roleArn),
            List.of(CREATE_GRANT), List.of("*"),
            List.of(new Condition("Bool", "kms:GrantIsForAWSResource", List.of("true")))));
  }

  /**
   * The key account's root statement, which the AWS default key policy has: without it a
   * complete key policy can lock the key out for good.
   */
  private static PolicyStatement rootStatement(String partition, String keyAccount) {
    return new PolicyStatement("Enable IAM User Permissions",
        List.of(rootArn(partition, keyAccount)), List.of("kms:*"), List.of("*"), List.of());
  }

  /** An account's root principal, which stands for the account itself. */
  private static String rootArn(String partition, String account) {
    return "arn:" + partition + ":iam::" + account + ":root";
  }

  /**
   * With leastPrivilege, CreateGrant only for grants to the service-linked role with the
   * grant's own operations: the Auto Scaling account can then grant nothing else, to no one
   * else. Without it, the article's unconditioned CreateGrant.
   */
  private static List<Condition> grantConditions(Spec spec, String roleArn,
      List<String> operations) {
    if (!spec.leastPrivilege()) {
      return List.of();
    }
    return List.of(
        new Condition("StringEquals", "kms:GranteePrincipal", List.of(roleArn)),
        new Condition("ForAllValues:StringEquals", "kms:GrantOperations", operations));
  }

  /**
   * The article's statements for a key in another account. CreateGrant carries no
   * GrantIsForAWSResource condition: an identity in the Auto Scaling account, not an AWS
   * service, creates the grant.
   */
  private static List<PolicyStatement> externalAccountStatements(String asgAccount, String root,
      List<Condition> createGrantConditions) {
    return List.of(
        new PolicyStatement("Allow external account " + asgAccount + " use of the KMS",
            List.of(root), CRYPTO_ACTIONS, List.of("*"), List.of()),
        new PolicyStatement(
            "Allow attachment of persistent resources in external account " + asgAccount,
            List.of(root), List.of(CREATE_GRANT), List.of("*"), createGrantConditions));
  }

  /**
   * CreateGrant on exactly the keys in other accounts: one statement per key account, Sid as
   * in the article, so Sids stay unique when an account holds several keys. With
   * leastPrivilege, one per key account and set of operations, since the conditions differ.
   */
  private static List<PolicyStatement> createGrantStatements(List<KeyPlan> keys,
      List<GrantPlan> grants, Spec spec, String roleArn) {
    Map<String, List<String>> operationsByArn = new TreeMap<>();
    grants.forEach(grant -> operationsByArn.put(grant.keyArn(), grant.operations()));
    Map<String, Map<List<String>, List<String>>> groups = new TreeMap<>();
    for (KeyPlan key : keys) {
      if (key.crossAccount()) {
        List<String> operations = spec.leastPrivilege()
            ? operationsByArn.get(key.arn()) : List.of();
        groups.computeIfAbsent(key.accountId(), a -> new java.util.LinkedHashMap<>())
            .computeIfAbsent(operations, o -> new ArrayList<>()).add(key.arn());
      }
    }
    List<PolicyStatement> statements = new ArrayList<>();
    groups.forEach((account, byOperations) -> {
      int set = 0;
      for (Map.Entry<List<String>, List<String>> group : byOperations.entrySet()) {
        String sid = "AllowCreationOfGrantForTheKMSinExternalAccount" + account
            + (set++ == 0 ? "" : "Set" + set);
        statements.add(new PolicyStatement(sid, List.of(), List.of(CREATE_GRANT),
            group.getValue().stream().sorted().toList(),
            grantConditions(spec, roleArn, group.getKey())));
      }
    });
    return statements;
  }

  /**
   * The CloudFormation grant function's statements: CreateGrant as the grant creator has it,
   * and the two ways to delete a grant: RevokeGrant where the key policy allows it, else
   * RetireGrant, which the account that created a grant may always call.
   */
  private static List<PolicyStatement> grantFunctionStatements(List<PolicyStatement> createGrant,
      List<GrantPlan> grants) {
    List<PolicyStatement> statements = new ArrayList<>(createGrant);
    statements.add(new PolicyStatement("AllowDeletionOfTheGrants", List.of(),
        List.of("kms:RevokeGrant", "kms:RetireGrant"),
        grants.stream().map(GrantPlan::keyArn).sorted().toList(), List.of()));
    return statements;
  }

  /** As many policies as IAM's size limit needs: name, name-2, name-3 and so on. */
  private static List<IamPolicyPlan> policies(List<PolicyStatement> statements, String name,
      String roleName) {
    List<IamPolicyPlan> policies = new ArrayList<>();
    for (List<PolicyStatement> document
        : PolicySplitter.split(statements, PolicySize.MANAGED_POLICY_LIMIT)) {
      String numbered = name == null || policies.isEmpty() ? name
          : name + "-" + (policies.size() + 1);
      policies.add(new IamPolicyPlan(numbered, document, roleName));
    }
    return policies;
  }
}

package io.github.asgkms.plan;

import io.github.asgkms.aws.GrantManager;
import io.github.asgkms.aws.KmsKeyArn;
import io.github.asgkms.spec.KeySpec;
import io.github.asgkms.spec.Spec;
import io.github.asgkms.text.Numbering;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

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
  static final String LIST_GRANTS = "kms:ListGrants";
  static final String RETIRE_GRANT = "kms:RetireGrant";
  /** What the grant creator calls on a grant's key: create, read back, retire. */
  static final Set<String> GRANT_CALLS = Set.of(CREATE_GRANT, LIST_GRANTS, RETIRE_GRANT);
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
    GrantManager manager = spec.grantManager();
    // Every grant names its retiring principal, so that retiring it never rests on the
    // "account in which the grant was created" backup.
    String grantCreatorArn = spec.grantCreatorRoleName()
        .map(role -> "arn:" + partition + ":iam::" + asgAccount + ":role/" + role)
        .orElse(rootArn(partition, asgAccount));

    List<KeySpec> keys = spec.keys().stream()
        .sorted(Comparator.comparing(KeySpec::name)).toList();
    Map<String, List<KeyPlan>> keysByAccount = new TreeMap<>();
    keysByAccount.put(asgAccount, new ArrayList<>());
    List<KeyPlan> keyPlans = new ArrayList<>();
    List<GrantPlan> grants = new ArrayList<>();
    Map<String, List<GrantPlan>> grantsByAccount = new TreeMap<>();
    for (KeySpec key : keys) {
      KmsKeyArn arn = key.arn();
      boolean crossAccount = !arn.accountId().equals(asgAccount);
      List<String> operations = key.grantOperations().orElse(spec.grantOperations());
      List<PolicyStatement> statements =
          keyStatements(spec, arn.accountId(), crossAccount, operations, roleArn);
      KeyPlan plan = new KeyPlan(key.name(), arn.arn(), arn.accountId(), arn.region(),
          crossAccount, statements, spec.fullKeyPolicy());
      keyPlans.add(plan);
      keysByAccount.computeIfAbsent(arn.accountId(), a -> new ArrayList<>()).add(plan);
      if (crossAccount) {
        GrantPlan grant = new GrantPlan(key.name(), key.grantName().orElse("asg-" + key.name()),
            arn.arn(), arn.region(), roleArn, operations, grantCreatorArn, List.of());
        grants.add(grant);
        grantsByAccount.computeIfAbsent(arn.accountId(), a -> new ArrayList<>()).add(grant);
      }
    }

    // One identity creates the grants, whichever tool manages them: an identity of the
    // account that runs Terraform or the CLI, or the role of the stack's grant function. The
    // calls each makes decide its statements.
    List<IamPolicyPlan> createGrantPolicies = manager == GrantManager.CLOUDFORMATION
        ? policies(grantFunctionStatements(grantsByAccount, roleArn), null, null)
        : policies(grantCreatorStatements(grantsByAccount, spec, roleArn),
            CREATE_GRANT_POLICY_NAME + spec.serviceLinkedRoleSuffix().map(s -> "-" + s).orElse(""),
            spec.grantCreatorRoleName().orElse(null));
    List<GrantPlan> placedGrants = withCreatorPolicyIndexes(grants, createGrantPolicies);
    List<AccountPlan> accounts = new ArrayList<>();
    keysByAccount.forEach((account, accountKeys) -> {
      boolean isAsg = account.equals(asgAccount);
      accounts.add(new AccountPlan(account, isAsg, accountKeys,
          isAsg ? placedGrants : List.of(), isAsg ? createGrantPolicies : List.of()));
    });

    List<String> warnings = new ArrayList<>();
    if (grants.isEmpty() && spec.grantCreatorRoleName().isPresent()) {
      warnings.add("grantCreator.roleName is set but every key is in the Auto Scaling account "
          + asgAccount + ", so no grant and no CreateGrant policy are generated");
    } else if (manager == GrantManager.CLOUDFORMATION && spec.grantCreatorRoleName().isPresent()) {
      warnings.add("grantCreator.roleName has no effect with grantManager: cloudformation: the"
          + " stack's grant function creates the grants with its own role, and no CreateGrant"
          + " policy is generated");
    }
    ServiceLinkedRolePlan newRole = !spec.createServiceLinkedRole() ? null
        : new ServiceLinkedRolePlan(AUTO_SCALING_SERVICE,
            spec.serviceLinkedRoleSuffix().orElse(null));
    return new Plan(specLabel, spec.partition(), asgAccount, roleName, roleArn, newRole, manager,
        grantCreatorArn, accounts, keyPlans, warnings);
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
    if (!crossAccount) {
      statements.addAll(serviceLinkedRoleStatements(roleArn));
      return List.copyOf(statements);
    }
    String asgRoot = rootArn(partition, asgAccount);
    statements.addAll(externalAccountStatements(asgAccount, asgRoot,
        spec.leastPrivilege() ? grantConditions(roleArn, operations) : List.of()));
    if (spec.grantManager() == GrantManager.TERRAFORM) {
      statements.add(listGrantsStatement(asgAccount, asgRoot));
    }
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
   * CreateGrant only for grants to the service-linked role with the grant's own operations:
   * whoever holds it can then grant nothing else, to no one else.
   */
  private static List<Condition> grantConditions(String roleArn, List<String> operations) {
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
   * Terraform reads every grant back, and polls after destroying it, with ListGrants: across
   * accounts, the key policy must allow it (KMS API reference, ListGrants: "Required
   * permissions: kms:ListGrants (key policy)"). ListGrants takes no condition key that would
   * narrow it to the grants of the service-linked role.
   */
  private static PolicyStatement listGrantsStatement(String asgAccount, String root) {
    return new PolicyStatement("Allow external account " + asgAccount + " to list grants",
        List.of(root), List.of(LIST_GRANTS), List.of("*"), List.of());
  }

  /**
   * The IAM statements of the identity that creates the grants, per key account: CreateGrant
   * as the article has it; for Terraform, ListGrants on the same keys, and RetireGrant when
   * the retiring principal is the account itself, which delegates to IAM. A named role that
   * is the retiring principal needs no kms:RetireGrant (KMS Developer Guide, grant-delete).
   */
  private static List<PolicyStatement> grantCreatorStatements(
      Map<String, List<GrantPlan>> grantsByAccount, Spec spec, String roleArn) {
    List<PolicyStatement> statements = new ArrayList<>();
    grantsByAccount.forEach((account, grants) -> {
      statements.addAll(createGrantStatements(account, grants, spec.leastPrivilege(), roleArn));
      if (spec.grantManager() == GrantManager.TERRAFORM) {
        List<String> keys = keyArns(grants);
        statements.add(new PolicyStatement("AllowListingOfGrantsForTheKMSinExternalAccount"
            + account, List.of(), List.of(LIST_GRANTS), keys, List.of()));
        if (spec.grantCreatorRoleName().isEmpty()) {
          statements.add(new PolicyStatement("AllowRetiringOfGrantsForTheKMSinExternalAccount"
              + account, List.of(), List.of(RETIRE_GRANT), keys, List.of()));
        }
      }
    });
    return statements;
  }

  /**
   * The CloudFormation grant function's statements: CreateGrant, always conditioned, so that
   * whoever can update the stack can mint no other grant through it. No RevokeGrant and no
   * RetireGrant: the function's role is the retiring principal of its grants.
   */
  private static List<PolicyStatement> grantFunctionStatements(
      Map<String, List<GrantPlan>> grantsByAccount, String roleArn) {
    List<PolicyStatement> statements = new ArrayList<>();
    grantsByAccount.forEach((account, grants) ->
        statements.addAll(createGrantStatements(account, grants, true, roleArn)));
    return statements;
  }

  /**
   * CreateGrant on exactly the grants' keys in one key account, Sid as in the article, so Sids
   * stay unique when an account holds several keys. Conditioned on the grantee and the
   * operations, one statement per set of operations, since the conditions differ.
   */
  private static List<PolicyStatement> createGrantStatements(String account,
      List<GrantPlan> grants, boolean conditioned, String roleArn) {
    Map<List<String>, List<GrantPlan>> byOperations = new LinkedHashMap<>();
    for (GrantPlan grant : grants) {
      byOperations.computeIfAbsent(conditioned ? grant.operations() : List.of(),
          o -> new ArrayList<>()).add(grant);
    }
    List<PolicyStatement> statements = new ArrayList<>();
    int set = 0;
    for (Map.Entry<List<String>, List<GrantPlan>> group : byOperations.entrySet()) {
      String sid = "AllowCreationOfGrantForTheKMSinExternalAccount" + account
          + (set++ == 0 ? "" : "Set" + set);
      statements.add(new PolicyStatement(sid, List.of(), List.of(CREATE_GRANT),
          keyArns(group.getValue()),
          conditioned ? grantConditions(roleArn, group.getKey()) : List.of()));
    }
    return statements;
  }

  /**
   * Each grant with the indexes of the policies that allow the grant creator's calls on its
   * key. Every statement's resources are visited once, so the work grows with the policies'
   * size and the grants, not with their product.
   */
  private static List<GrantPlan> withCreatorPolicyIndexes(List<GrantPlan> grants,
      List<IamPolicyPlan> policies) {
    Map<String, Set<Integer>> byKeyArn = new HashMap<>();
    Set<Integer> onEveryKey = new TreeSet<>();
    for (int index = 0; index < policies.size(); index++) {
      for (PolicyStatement statement : policies.get(index).statements()) {
        if (statement.actions().stream().noneMatch(GRANT_CALLS::contains)) {
          continue;
        }
        for (String resource : statement.resources()) {
          (resource.equals("*") ? onEveryKey
              : byKeyArn.computeIfAbsent(resource, r -> new TreeSet<>())).add(index);
        }
      }
    }
    List<GrantPlan> placed = new ArrayList<>();
    for (GrantPlan grant : grants) {
      Set<Integer> indexes = new TreeSet<>(onEveryKey);
      indexes.addAll(byKeyArn.getOrDefault(grant.keyArn(), Set.of()));
      placed.add(grant.withCreatorPolicyIndexes(List.copyOf(indexes)));
    }
    return placed;
  }

  private static List<String> keyArns(List<GrantPlan> grants) {
    return grants.stream().map(GrantPlan::keyArn).sorted().toList();
  }

  /** As many policies as IAM's size limit needs: name, name-2, name-3 and so on. */
  private static List<IamPolicyPlan> policies(List<PolicyStatement> statements, String name,
      String roleName) {
    List<IamPolicyPlan> policies = new ArrayList<>();
    for (List<PolicyStatement> document
        : PolicySplitter.split(statements, PolicySize.MANAGED_POLICY_LIMIT)) {
      policies.add(new IamPolicyPlan(
          name == null ? null : Numbering.nth(name, policies.size(), "-"), document, roleName));
    }
    return policies;
  }
}

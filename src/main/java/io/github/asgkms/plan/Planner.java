package io.github.asgkms.plan;

import io.github.asgkms.aws.GrantManager;
import io.github.asgkms.aws.KmsKeyArn;
import io.github.asgkms.aws.Partition;
import io.github.asgkms.aws.ServiceLinkedLauncher;
import io.github.asgkms.spec.KeyNames;
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
 * Applies the Knowledge Center article's rules to a spec, for every launcher and every replica
 * of a multi-Region key. A key in the Auto Scaling account lets the launchers' service-linked
 * roles in directly; a key in another account lets that account in, and the Auto Scaling
 * account then grants each service-linked role use of the key. A launcher that is a role of
 * the user's own is let in by the key policy through EC2 only, and across accounts by an IAM
 * policy of its own too. Each replica is a key of its own with the same treatment, in its
 * Region.
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
  static final String CREATE_GRANT_POLICY_NAME = "asg-kms-create-grant";
  /** IAM's default quota of managed policies attached to one role. */
  static final int MANAGED_POLICIES_PER_ROLE = 10;

  private Planner() {}

  /**
   * The plan of a valid spec.
   *
   * @throws KeyLimitException when a key policy's statements would exceed KMS's limit
   */
  public static Plan plan(Spec spec, String specLabel) {
    Partition partition = spec.partition();
    String asgAccount = spec.autoScalingAccountId();
    Launchers launchers = Launchers.of(spec);
    GrantManager manager = spec.grantManager();
    // Every grant names its retiring principal, so that retiring it never rests on the
    // "account in which the grant was created" backup.
    String grantCreatorArn = spec.grantCreatorRoleName()
        .map(role -> "arn:" + partition.id() + ":iam::" + asgAccount + ":role/" + role)
        .orElse(rootArn(partition.id(), asgAccount));

    List<KeyPlan> keyPlans = new ArrayList<>();
    // By key plan name, each key's grants in launcher order.
    Map<String, List<GrantPlan>> grantsByKey = new TreeMap<>();
    List<KeyLimitException.TooLarge> tooLarge = new ArrayList<>();
    for (KeySpec key : spec.keys()) {
      KmsKeyArn arn = key.arn();
      boolean crossAccount = !arn.accountId().equals(asgAccount);
      List<String> operations = key.grantOperations().orElse(spec.grantOperations());
      String grantBase = key.grantName().orElse("asg-" + key.name());
      List<String> regions = new ArrayList<>();
      regions.add(arn.region());
      regions.addAll(key.replicaRegions());
      for (String region : regions) {
        boolean replica = !region.equals(arn.region());
        String name = replica ? KeyNames.replica(key.name(), region) : key.name();
        String keyArn = new KmsKeyArn(partition, region, arn.accountId(), arn.keyId()).arn();
        List<PolicyStatement> statements = keyStatements(spec, arn.accountId(), region,
            crossAccount, operations, launchers);
        int size = PolicySize.pretty(statements);
        if (size > PolicySize.KEY_POLICY_LIMIT) {
          tooLarge.add(new KeyLimitException.TooLarge(key, name, size, launchers.describe()));
        }
        keyPlans.add(new KeyPlan(name, keyArn, arn.accountId(), region, crossAccount,
            statements, spec.fullKeyPolicy(), replica ? key.name() : null));
        if (crossAccount) {
          for (LauncherPlan launcher : launchers.serviceLinked) {
            ServiceLinkedLauncher service = ServiceLinkedLauncher.fromId(launcher.id())
                .orElseThrow();
            // The key's plan name: the format layer names the grant's files and resources
            // from it and the launcher (KeyNames.grant).
            grantsByKey.computeIfAbsent(name, n -> new ArrayList<>()).add(new GrantPlan(name,
                KeyNames.grantName(grantBase, service), keyArn, region, launcher.roleArn(),
                operations, grantCreatorArn, List.of(), launcher.id()));
          }
        }
      }
    }
    if (!tooLarge.isEmpty()) {
      throw new KeyLimitException(tooLarge);
    }
    keyPlans.sort(Comparator.comparing(KeyPlan::name));
    List<GrantPlan> grants = new ArrayList<>();
    grantsByKey.values().forEach(grants::addAll);

    Map<String, List<KeyPlan>> keysByAccount = new TreeMap<>();
    keysByAccount.put(asgAccount, new ArrayList<>());
    for (KeyPlan key : keyPlans) {
      keysByAccount.computeIfAbsent(key.accountId(), a -> new ArrayList<>()).add(key);
    }
    Map<String, List<GrantPlan>> grantsByAccount = new TreeMap<>();
    for (GrantPlan grant : grants) {
      grantsByAccount.computeIfAbsent(KmsKeyArn.parse(grant.keyArn()).orElseThrow().accountId(),
          a -> new ArrayList<>()).add(grant);
    }

    // One identity creates the grants, whichever tool manages them: an identity of the
    // account that runs Terraform or the CLI, or the role of the stack's grant function. The
    // calls each makes decide its statements.
    List<IamPolicyPlan> createGrantPolicies = manager == GrantManager.CLOUDFORMATION
        ? policies(grantFunctionStatements(grantsByAccount, launchers), null, null)
        : policies(grantCreatorStatements(grantsByAccount, spec, launchers),
            CREATE_GRANT_POLICY_NAME + spec.serviceLinkedRoleSuffix().map(s -> "-" + s).orElse(""),
            spec.grantCreatorRoleName().orElse(null));
    List<GrantPlan> placedGrants = withCreatorPolicyIndexes(grants, createGrantPolicies);
    List<IamPolicyPlan> launcherRolePolicies = LauncherRoles.policies(keyPlans, launchers,
        partition);
    List<AccountPlan> accounts = new ArrayList<>();
    keysByAccount.forEach((account, accountKeys) -> {
      boolean isAsg = account.equals(asgAccount);
      accounts.add(new AccountPlan(account, isAsg, accountKeys,
          isAsg ? placedGrants : List.of(), isAsg ? createGrantPolicies : List.of(),
          isAsg ? launcherRolePolicies : List.of()));
    });

    List<String> warnings = new ArrayList<>();
    if (grants.isEmpty() && spec.grantCreatorRoleName().isPresent()) {
      warnings.add("grantCreator.roleName is set but "
          + (keyPlans.stream().anyMatch(KeyPlan::crossAccount)
              ? "no launcher is a service-linked role, which grants are for"
              : "every key is in the Auto Scaling account " + asgAccount)
          + ", so no grant and no CreateGrant policy are generated");
    } else if (manager == GrantManager.CLOUDFORMATION && spec.grantCreatorRoleName().isPresent()) {
      warnings.add("grantCreator.roleName has no effect with grantManager: cloudformation: the"
          + " stack's grant function creates the grants with its own role, and no CreateGrant"
          + " policy is generated");
    }
    warnAboveAttachmentQuota(warnings, manager == GrantManager.CLOUDFORMATION
        ? "the stack's grant function role" : "the grant creator", createGrantPolicies.size());
    for (LauncherPlan launcher : launchers.all) {
      if (!launcher.serviceLinked()) {
        warnAboveAttachmentQuota(warnings, "the launcher role " + launcher.roleName(),
            (int) launcherRolePolicies.stream()
                .filter(p -> launcher.roleName().equals(p.roleName())).count());
      }
    }
    List<ServiceLinkedRolePlan> managedRoles = new ArrayList<>();
    if (spec.createServiceLinkedRole() || spec.importServiceLinkedRoles()) {
      for (LauncherPlan launcher : launchers.serviceLinked) {
        managedRoles.add(new ServiceLinkedRolePlan(launcher.id(), launcher.awsServiceName(),
            launcher.customSuffix(), launcher.roleName(), launcher.roleArn()));
      }
    }
    return new Plan(specLabel, partition, asgAccount, launchers.all, managedRoles,
        spec.importServiceLinkedRoles(), manager, grantCreatorArn, accounts, keyPlans, warnings);
  }

  /**
   * IAM attaches at most 10 managed policies to a role unless the account's quota is raised
   * (IAM User Guide, "IAM and AWS STS quotas"): more is valid output that cannot be applied as
   * it is.
   */
  private static void warnAboveAttachmentQuota(List<String> warnings, String who, int count) {
    if (count > MANAGED_POLICIES_PER_ROLE) {
      warnings.add(who + " needs " + count + " managed policies to stay within IAM's"
          + " 6,144 characters each, more than the " + MANAGED_POLICIES_PER_ROLE + " IAM"
          + " attaches to one role by default: raise the account's quota of managed policies per"
          + " role, or split the keys over several specs");
    }
  }

  /**
   * The statements a key's policy needs: the root's first for a complete policy, then the
   * service-linked launchers' (directly, or through the Auto Scaling account for a key in
   * another), then the launchers that are the user's own roles.
   */
  private static List<PolicyStatement> keyStatements(Spec spec, String keyAccount,
      String region, boolean crossAccount, List<String> operations, Launchers launchers) {
    String partition = spec.partition().id();
    String asgAccount = spec.autoScalingAccountId();
    List<PolicyStatement> statements = new ArrayList<>();
    if (spec.fullKeyPolicy()) {
      statements.add(rootStatement(partition, keyAccount));
    }
    if (!crossAccount) {
      if (!launchers.serviceLinkedArns.isEmpty()) {
        statements.addAll(serviceLinkedRoleStatements(launchers.serviceLinkedArns));
      }
    } else if (!launchers.serviceLinkedArns.isEmpty()) {
      // The account is let in for its service-linked roles' grants only: a role of the
      // user's own is named below, directly.
      String asgRoot = rootArn(partition, asgAccount);
      statements.addAll(externalAccountStatements(asgAccount, asgRoot,
          spec.leastPrivilege() ? grantConditions(launchers.serviceLinkedArns, operations)
              : List.of()));
      if (spec.grantManager() == GrantManager.TERRAFORM) {
        statements.add(listGrantsStatement(asgAccount, asgRoot));
      }
    }
    if (!launchers.roleArns.isEmpty()) {
      statements.addAll(LauncherRoles.keyStatements(launchers.roleArns,
          spec.partition().ec2Service(region), asgAccount));
    }
    return List.copyOf(statements);
  }

  /** The article's same-account statements, for the service-linked role itself. */
  private static List<PolicyStatement> serviceLinkedRoleStatements(List<String> roleArns) {
    return List.of(
        new PolicyStatement("Allow service-linked role use of the KMS", roleArns,
            CRYPTO_ACTIONS, List.of("*"), List.of()),
        new PolicyStatement("Allow attachment of persistent resources", roleArns,
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
  private static List<Condition> grantConditions(List<String> roleArns,
      List<String> operations) {
    return List.of(
        new Condition("StringEquals", "kms:GranteePrincipal", roleArns),
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
      Map<String, List<GrantPlan>> grantsByAccount, Spec spec, Launchers launchers) {
    List<PolicyStatement> statements = new ArrayList<>();
    grantsByAccount.forEach((account, grants) -> {
      statements.addAll(createGrantStatements(account, grants, spec.leastPrivilege(),
          launchers.serviceLinkedArns));
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
      Map<String, List<GrantPlan>> grantsByAccount, Launchers launchers) {
    List<PolicyStatement> statements = new ArrayList<>();
    grantsByAccount.forEach((account, grants) ->
        statements.addAll(createGrantStatements(account, grants, true,
            launchers.serviceLinkedArns)));
    return statements;
  }

  /**
   * CreateGrant on exactly the grants' keys in one key account, Sid as in the article, so Sids
   * stay unique when an account holds several keys. Conditioned on the grantee and the
   * operations, one statement per set of operations, since the conditions differ.
   */
  private static List<PolicyStatement> createGrantStatements(String account,
      List<GrantPlan> grants, boolean conditioned, List<String> roleArns) {
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
          conditioned ? grantConditions(roleArns, group.getKey()) : List.of()));
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

  /** The grants' keys, each once: a key has a grant for each service-linked launcher. */
  private static List<String> keyArns(List<GrantPlan> grants) {
    return grants.stream().map(GrantPlan::keyArn).distinct().sorted().toList();
  }

  /** As many policies as IAM's size limit needs: name, name-2, name-3 and so on. */
  static List<IamPolicyPlan> policies(List<PolicyStatement> statements, String name,
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

package io.github.asgkms.plan;

import io.github.asgkms.aws.KmsKeyArn;
import io.github.asgkms.spec.KeySpec;
import io.github.asgkms.spec.Spec;
import java.util.ArrayList;
import java.util.Comparator;
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
    String asgRoot = "arn:" + partition + ":iam::" + asgAccount + ":root";

    List<KeySpec> keys = spec.keys().stream()
        .sorted(Comparator.comparing(KeySpec::name)).toList();
    Map<String, List<KeyPlan>> keysByAccount = new TreeMap<>();
    keysByAccount.put(asgAccount, new ArrayList<>());
    List<KeyPlan> keyPlans = new ArrayList<>();
    List<GrantPlan> grants = new ArrayList<>();
    for (KeySpec key : keys) {
      KmsKeyArn arn = key.arn();
      boolean crossAccount = !arn.accountId().equals(asgAccount);
      List<PolicyStatement> statements = crossAccount
          ? externalAccountStatements(asgAccount, asgRoot)
          : serviceLinkedRoleStatements(roleArn);
      KeyPlan plan = new KeyPlan(key.name(), arn.arn(), arn.accountId(), arn.region(),
          crossAccount, statements);
      keyPlans.add(plan);
      keysByAccount.computeIfAbsent(arn.accountId(), a -> new ArrayList<>()).add(plan);
      if (crossAccount) {
        grants.add(new GrantPlan(key.name(), key.grantName().orElse("asg-" + key.name()),
            arn.arn(), arn.region(), roleArn,
            key.grantOperations().orElse(spec.grantOperations()), LogicalIds.grant(key.name())));
      }
    }

    IamPolicyPlan createGrantPolicy = grants.isEmpty() ? null
        : createGrantPolicy(keyPlans, spec);
    List<AccountPlan> accounts = new ArrayList<>();
    keysByAccount.forEach((account, accountKeys) -> {
      boolean isAsg = account.equals(asgAccount);
      accounts.add(new AccountPlan(account, isAsg, accountKeys,
          isAsg ? grants : List.of(), isAsg ? createGrantPolicy : null));
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
   * The article's statements for a key in another account. CreateGrant carries no
   * GrantIsForAWSResource condition: an identity in the Auto Scaling account, not an AWS
   * service, creates the grant.
   */
  private static List<PolicyStatement> externalAccountStatements(String asgAccount, String root) {
    return List.of(
        new PolicyStatement("Allow external account " + asgAccount + " use of the KMS",
            List.of(root), CRYPTO_ACTIONS, List.of("*"), List.of()),
        new PolicyStatement(
            "Allow attachment of persistent resources in external account " + asgAccount,
            List.of(root), List.of(CREATE_GRANT), List.of("*"), List.of()));
  }

  /**
   * CreateGrant on exactly the keys in other accounts: one statement per key account, Sid as
   * in the article, so Sids stay unique when an account holds several keys.
   */
  private static IamPolicyPlan createGrantPolicy(List<KeyPlan> keys, Spec spec) {
    Map<String, List<String>> arnsByAccount = new TreeMap<>();
    for (KeyPlan key : keys) {
      if (key.crossAccount()) {
        arnsByAccount.computeIfAbsent(key.accountId(), a -> new ArrayList<>()).add(key.arn());
      }
    }
    List<PolicyStatement> statements = new ArrayList<>();
    arnsByAccount.forEach((account, arns) -> statements.add(new PolicyStatement(
        "AllowCreationOfGrantForTheKMSinExternalAccount" + account, List.of(),
        List.of(CREATE_GRANT), arns.stream().sorted().toList(), List.of())));
    String name = CREATE_GRANT_POLICY_NAME
        + spec.serviceLinkedRoleSuffix().map(suffix -> "-" + suffix).orElse("");
    return new IamPolicyPlan(name, statements, spec.grantCreatorRoleName().orElse(null));
  }
}

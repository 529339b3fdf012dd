package io.github.asgkms.render;

import io.github.asgkms.aws.ServiceLinkedLauncher;
import io.github.asgkms.plan.GrantPlan;
import io.github.asgkms.plan.IamPolicyPlan;
import io.github.asgkms.plan.KeyPlan;
import io.github.asgkms.spec.KeyNames;
import io.github.asgkms.text.Numbering;
import java.util.regex.Pattern;

/**
 * Where each output file goes, relative to the output directory: the one place that names
 * them. The layouts write the files here and the access model reads them back from here, so
 * a new or renamed file changes both at once rather than letting them drift apart.
 */
public final class OutputPaths {
  /** The CloudFormation stack of the Auto Scaling account, which creates the grants. */
  public static final String STACK_FILE = "auto-scaling-account-stack.yaml";
  /** The JSON format's script of {@code aws kms create-grant} calls. */
  public static final String SCRIPT_FILE = "create-grants.sh";
  /** Each account folder's access tables. */
  public static final String ACCESS_FILE = "ACCESS.md";
  /** Terraform's service-linked roles of the Auto Scaling account, created or adopted. */
  public static final String SERVICE_LINKED_ROLE_FILE = "service-linked-role.tf";
  /**
   * Terraform's import blocks that adopt the service-linked roles, with
   * importServiceLinkedRoles: a file of their own, since Terraform allows them only in the root
   * module and a user of the folder as a module moves them there.
   */
  public static final String IMPORT_FILE = "import-service-linked-roles.tf";
  /** Terraform's IAM policies of the launchers that are roles of the user's own. */
  public static final String LAUNCHER_ROLE_POLICY_TF_FILE = "launcher-role-policy.tf";
  /** Terraform's grant creator's IAM policies. */
  public static final String CREATE_GRANT_POLICY_TF_FILE = "create-grant-policy.tf";

  private static final String CREATE_GRANT_POLICY = "create-grant-policy";
  private static final String JSON = ".json";
  private static final Pattern CREATE_GRANT_POLICY_FILE =
      Pattern.compile(Pattern.quote(CREATE_GRANT_POLICY) + "(-[0-9]+)?" + Pattern.quote(JSON));
  private static final String LAUNCHER_ROLE_POLICY = "launcher-role-policy-";
  /** IAM policy names are [A-Za-z0-9+=,.@_-], 1 to 128 characters. */
  private static final Pattern LAUNCHER_ROLE_POLICY_FILE = Pattern.compile(
      Pattern.quote(LAUNCHER_ROLE_POLICY) + "[A-Za-z0-9+=,.@_-]{1,128}" + Pattern.quote(JSON));

  private OutputPaths() {}

  /** An account's folder of a format, {@code <format>/account-<id>/}, with its slash. */
  public static String folder(Format format, String accountId) {
    return format.id() + "/account-" + accountId + "/";
  }

  /** A key's policy file in its account folder: {@code key-policy-<name>.<ext>}. */
  public static String keyPolicyFile(Format format, KeyPlan key) {
    return "key-policy-" + key.name() + "." + format.keyPolicyExtension();
  }

  /**
   * The JSON grant creator's policy document at {@code index} (from 0):
   * {@code create-grant-policy.json}, {@code create-grant-policy-2.json} and so on.
   */
  public static String createGrantPolicyFile(int index) {
    return Numbering.nth(CREATE_GRANT_POLICY, index, "-") + JSON;
  }

  /** Whether a file name is one that {@link #createGrantPolicyFile} gives. */
  public static boolean isCreateGrantPolicyFile(String name) {
    return CREATE_GRANT_POLICY_FILE.matcher(name).matches();
  }

  /**
   * What a grant's files and resources are named after: for Auto Scaling's grant the key's
   * plan name, as before there were other launchers, else that name and the launcher
   * ({@link KeyNames#grant}): {@code golden-ami}, {@code golden-ami-ec2-fleet}.
   */
  public static String grantBase(GrantPlan grant) {
    return grantBase(grant.keyName(), grant.launcher());
  }

  /** The same from the grant's key plan name and launcher ID. */
  public static String grantBase(String keyName, String launcher) {
    return ServiceLinkedLauncher.fromId(launcher).map(l -> KeyNames.grant(keyName, l))
        // Only a plan made by hand has a grant for another launcher: still one name each.
        .orElse(keyName + "-" + launcher);
  }

  /** A Terraform grant's file: {@code grant-<base>.tf} ({@link #grantBase}). */
  public static String terraformGrantFile(GrantPlan grant) {
    return "grant-" + grantBase(grant) + ".tf";
  }

  /**
   * The JSON IAM policy document of a launcher that is a role of the user's own:
   * {@code launcher-role-policy-<policy name>.json}.
   */
  public static String launcherRolePolicyFile(IamPolicyPlan policy) {
    return LAUNCHER_ROLE_POLICY + policy.name() + JSON;
  }

  /** The policy name in a file name that {@link #launcherRolePolicyFile} gives. */
  public static String launcherRolePolicyName(String fileName) {
    return fileName.substring(LAUNCHER_ROLE_POLICY.length(), fileName.length() - JSON.length());
  }

  /** Whether a file name is one that {@link #launcherRolePolicyFile} gives. */
  public static boolean isLauncherRolePolicyFile(String name) {
    return LAUNCHER_ROLE_POLICY_FILE.matcher(name).matches();
  }
}

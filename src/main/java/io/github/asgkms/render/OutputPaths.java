package io.github.asgkms.render;

import io.github.asgkms.plan.KeyPlan;
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

  private static final String CREATE_GRANT_POLICY = "create-grant-policy";
  private static final String JSON = ".json";
  private static final Pattern CREATE_GRANT_POLICY_FILE =
      Pattern.compile(Pattern.quote(CREATE_GRANT_POLICY) + "(-[0-9]+)?" + Pattern.quote(JSON));

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
}

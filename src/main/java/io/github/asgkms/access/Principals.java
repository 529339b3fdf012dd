package io.github.asgkms.access;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Principal ARNs as KMS compares them. A caller is an IAM role session (or a user); a policy
 * or a grant names a role, a user, or an account by its root. A role principal stands for the
 * role's sessions too (IAM User Guide, "AWS JSON policy elements: Principal", role sessions):
 * sessions are matched to the role by partition, account and role name, since a session ARN
 * drops the role's path.
 */
public final class Principals {
  private static final Pattern IAM = Pattern.compile("arn:([^:]+):iam::([0-9]{12}):(.+)");
  private static final Pattern SESSION =
      Pattern.compile("arn:([^:]+):sts::([0-9]{12}):assumed-role/([^/]+)/(.+)");
  private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");

  private Principals() {}

  public static String root(String partition, String account) {
    return "arn:" + partition + ":iam::" + account + ":root";
  }

  public static String role(String partition, String account, String pathAndName) {
    return "arn:" + partition + ":iam::" + account + ":role/" + pathAndName;
  }

  /** A session of {@code roleArn}, as STS names it. */
  public static String session(String roleArn, String sessionName) {
    Matcher m = IAM.matcher(roleArn);
    if (!m.matches() || !m.group(3).startsWith("role/")) {
      throw new IllegalArgumentException("not a role ARN: " + roleArn);
    }
    return "arn:" + m.group(1) + ":sts::" + m.group(2) + ":assumed-role/"
        + lastSegment(m.group(3)) + "/" + sessionName;
  }

  /** The account of an IAM or STS ARN, or of a bare account ID; null for anything else. */
  public static String account(String principal) {
    if (ACCOUNT_ID.matcher(principal).matches()) {
      return principal;
    }
    Matcher iam = IAM.matcher(principal);
    if (iam.matches()) {
      return iam.group(2);
    }
    Matcher session = SESSION.matcher(principal);
    return session.matches() ? session.group(2) : null;
  }

  /** Whether it names a whole account: its root ARN, or its bare ID. */
  public static boolean isAccount(String principal) {
    if (ACCOUNT_ID.matcher(principal).matches()) {
      return true;
    }
    Matcher iam = IAM.matcher(principal);
    return iam.matches() && iam.group(3).equals("root");
  }

  /**
   * Whether a policy's or grant's principal names this caller itself: the same ARN, the role
   * of this session, or {@code *}. An account principal matches no caller here: it delegates
   * to the account's IAM policies, which the authorizer evaluates on its own.
   */
  public static boolean namesCaller(String principal, String caller) {
    if (principal.equals("*") || principal.equals(caller)) {
      return true;
    }
    Matcher role = IAM.matcher(principal);
    Matcher session = SESSION.matcher(caller);
    return role.matches() && session.matches() && role.group(3).startsWith("role/")
        && role.group(1).equals(session.group(1)) && role.group(2).equals(session.group(2))
        && lastSegment(role.group(3)).equals(session.group(3));
  }

  /** Whether an account principal names the caller's account. */
  public static boolean namesCallersAccount(String principal, String caller) {
    String account = account(caller);
    return isAccount(principal) && account != null && account.equals(account(principal))
        && samePartition(principal, caller);
  }

  /** The role ARN a session belongs to, among the roles given; or the caller itself. */
  public static String identityOf(String caller, Iterable<String> knownIdentities) {
    for (String identity : knownIdentities) {
      if (identity.equals(caller) || (!isAccount(identity) && namesCaller(identity, caller))) {
        return identity;
      }
    }
    return caller;
  }

  private static boolean samePartition(String principal, String caller) {
    if (ACCOUNT_ID.matcher(principal).matches()) {
      return true;
    }
    return partition(principal).equals(partition(caller));
  }

  private static String partition(String arn) {
    String[] parts = arn.split(":", 3);
    return parts.length > 1 ? parts[1].toLowerCase(Locale.ROOT) : "";
  }

  private static String lastSegment(String resource) {
    return resource.substring(resource.lastIndexOf('/') + 1);
  }
}

package io.github.asgkms.access;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Principal ARNs as KMS compares them. A caller is an IAM role session (or a user); a policy
 * or a grant names a role, a user, or an account by its root. A role principal stands for the
 * role's sessions too (IAM User Guide, "AWS JSON policy elements: Principal", role sessions):
 * sessions are matched to the role by partition, account and role name, since a session ARN
 * drops the role's path. ARNs are taken apart by hand, not by regular expressions: the probes
 * and tables compare principals hundreds of thousands of times.
 */
public final class Principals {
  private Principals() {}

  /** An ARN's parts that matter here; null fields for what it lacks. */
  private record Parts(String partition, String service, String account, String resource) {
    /** What {@link #parse} gives for a text that is not an ARN with an account. */
    private static final Parts NONE = new Parts("", "", "", "");
    /**
     * Parsed ARNs. A check names a few distinct principals and compares them millions of times
     * (taking them apart was a third of a 10-key check); the bound keeps a long-lived JVM
     * that checks many specs from holding them all.
     */
    private static final Map<String, Parts> PARSED = new ConcurrentHashMap<>();
    private static final int MAX_PARSED = 65_536;

    static Parts of(String arn) {
      Parts parts = PARSED.get(arn);
      if (parts == null) {
        if (PARSED.size() >= MAX_PARSED) {
          PARSED.clear();
        }
        parts = parse(arn);
        PARSED.put(arn, parts == null ? NONE : parts);
      }
      return parts == NONE ? null : parts;
    }

    private static Parts parse(String arn) {
      if (!arn.startsWith("arn:")) {
        return null;
      }
      int p = arn.indexOf(':', 4);
      int s = p < 0 ? -1 : arn.indexOf(':', p + 1);
      int r = s < 0 ? -1 : arn.indexOf(':', s + 1);
      int a = r < 0 ? -1 : arn.indexOf(':', r + 1);
      if (a < 0) {
        return null;
      }
      String account = arn.substring(r + 1, a);
      return isAccountId(account) ? new Parts(arn.substring(4, p), arn.substring(p + 1, s),
          account, arn.substring(a + 1)) : null;
    }

    boolean isRole() {
      return service.equals("iam") && resource.startsWith("role/");
    }

    /** For {@code sts} {@code assumed-role/Name/session}: Name; else null. */
    String sessionRole() {
      if (!service.equals("sts") || !resource.startsWith("assumed-role/")) {
        return null;
      }
      int slash = resource.indexOf('/', "assumed-role/".length());
      return slash < 0 ? null : resource.substring("assumed-role/".length(), slash);
    }

    String roleName() {
      return resource.substring(resource.lastIndexOf('/') + 1);
    }
  }

  private static boolean isAccountId(String text) {
    if (text.length() != 12) {
      return false;
    }
    for (int i = 0; i < 12; i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  public static String root(String partition, String account) {
    return "arn:" + partition + ":iam::" + account + ":root";
  }

  public static String role(String partition, String account, String pathAndName) {
    return "arn:" + partition + ":iam::" + account + ":role/" + pathAndName;
  }

  /** A session of {@code roleArn}, as STS names it. */
  public static String session(String roleArn, String sessionName) {
    Parts role = Parts.of(roleArn);
    if (role == null || !role.isRole()) {
      throw new IllegalArgumentException("not a role ARN: " + roleArn);
    }
    return "arn:" + role.partition() + ":sts::" + role.account() + ":assumed-role/"
        + role.roleName() + "/" + sessionName;
  }

  /** Whether the principal is a role ARN. */
  public static boolean isRole(String principal) {
    Parts parts = Parts.of(principal);
    return parts != null && parts.isRole();
  }

  /** The account of an IAM or STS ARN, or of a bare account ID; null for anything else. */
  public static String account(String principal) {
    if (isAccountId(principal)) {
      return principal;
    }
    Parts parts = Parts.of(principal);
    return parts == null || !(parts.service().equals("iam") || parts.service().equals("sts"))
        ? null : parts.account();
  }

  /** Whether it names a whole account: its root ARN, or its bare ID. */
  public static boolean isAccount(String principal) {
    if (isAccountId(principal)) {
      return true;
    }
    Parts parts = Parts.of(principal);
    return parts != null && parts.service().equals("iam") && parts.resource().equals("root");
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
    Parts role = Parts.of(principal);
    if (role == null || !role.isRole()) {
      return false;
    }
    Parts session = Parts.of(caller);
    return session != null && role.roleName().equals(session.sessionRole())
        && role.partition().equals(session.partition())
        && role.account().equals(session.account());
  }

  /** Whether an account principal names the caller's account. */
  public static boolean namesCallersAccount(String principal, String caller) {
    if (!isAccount(principal)) {
      return false;
    }
    String account = account(caller);
    if (account == null || !account.equals(account(principal))) {
      return false;
    }
    Parts p = Parts.of(principal);
    Parts c = Parts.of(caller);
    return p == null || c == null || p.partition().equals(c.partition());
  }

  /** The role ARN a session belongs to, among the identities given; or the caller itself. */
  public static String identityOf(String caller, Iterable<String> knownIdentities) {
    for (String identity : knownIdentities) {
      if (identity.equals(caller) || (!isAccount(identity) && namesCaller(identity, caller))) {
        return identity;
      }
    }
    return caller;
  }
}

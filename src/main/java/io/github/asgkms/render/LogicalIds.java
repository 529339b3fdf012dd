package io.github.asgkms.render;

import java.util.Locale;

/**
 * CloudFormation logical IDs, which allow only letters and digits, from key names, which also
 * allow dashes.
 *
 * <p>A key name is CamelCase'd: each dash is dropped and the letter after it capitalized, and
 * so is the first letter ({@code golden-ami} gives {@code GoldenAmiGrant}). On its own this is
 * one-to-one only while every dash is followed by a letter: {@code key-1} and {@code key1}
 * would both give {@code Key1}, and so would {@code a--b} and {@code a-b} give {@code AB}. So
 * the dashes that CamelCase cannot show, those followed by a digit, by another dash or by
 * nothing, are recorded after {@code Grant}: {@code Dash} and their 1-based positions in the
 * name, two digits each ({@code key-1} gives {@code Key1GrantDash04}).
 *
 * <p>No two key names give the same ID. A name without such dashes gives an ID that ends with
 * {@code Grant}; any other gives one that ends with a digit. In the second kind, the positions
 * follow the last {@code t}, since {@code Dash} and digits hold none. The CamelCase part then
 * gives back the letters, the digits and the dashes before letters (one capital for each,
 * besides the first letter), and the positions give back the other dashes. A 63-character
 * name gives at most 63 + 5 + 4 + 2 &times; 62 characters: well within CloudFormation's 255.
 *
 * <p>The stack writes the IDs bare, so a character that no spec's key name holds, which only a
 * plan made by hand can bring, is left out rather than written: like Terraform's names (see
 * {@code terraform/lib.ftl}), the ID stays letters and digits whatever it is given.
 */
final class LogicalIds {
  private LogicalIds() {}

  /** The logical ID of the grant on the key named {@code keyName}. */
  static String grant(String keyName) {
    StringBuilder id = new StringBuilder(keyName.length() + 16);
    StringBuilder hiddenDashes = new StringBuilder();
    boolean capitalize = true;
    for (int i = 0; i < keyName.length(); i++) {
      char c = keyName.charAt(i);
      if (c == '-') {
        if (i + 1 < keyName.length() && isLowercaseLetter(keyName.charAt(i + 1))) {
          capitalize = true;
        } else {
          hiddenDashes.append(String.format(Locale.ROOT, "%02d", i + 1));
        }
      } else if (isLowercaseLetter(c) || c >= '0' && c <= '9') {
        id.append(capitalize ? Character.toUpperCase(c) : c);
        capitalize = false;
      } // any other character is left out: see above
    }
    id.append("Grant");
    if (!hiddenDashes.isEmpty()) {
      id.append("Dash").append(hiddenDashes);
    }
    return id.toString();
  }

  /**
   * The logical ID of a launcher role's IAM policy, from the policy's name, which IAM allows
   * to hold {@code [A-Za-z0-9+=,.@_-]}: CamelCase'd as a key name is (but a dash before
   * anything is shown counts as one CamelCase cannot show), then {@code RolePolicy}
   * ({@code asg-kms-launch-karpenter} gives {@code AsgKmsLaunchKarpenterRolePolicy}). What
   * CamelCase cannot show is recorded after it, each as {@code X}, its 1-based position in
   * three digits, and {@code U} for a capital of the name, or the character's code in two
   * hex digits ({@code asg-kms-launch-Web_2} gives
   * {@code AsgKmsLaunchWeb2RolePolicyX0152DX016UX0195F}). The record holds no lowercase
   * letter, so the last {@code RolePolicy} ends the CamelCase part, and reading both back
   * gives the name: no two names give one ID. No other ID of the stack contains
   * {@code RolePolicy}, and none of these ends with {@code Grant} or {@code GrantDash} and
   * digits, as a grant's does.
   */
  static String launcherRolePolicy(String name) {
    StringBuilder id = new StringBuilder(name.length() + 16);
    StringBuilder hidden = new StringBuilder();
    boolean capitalize = true;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      // Only a dash after something shown can be a capital: a first letter is one anyway.
      if (c == '-' && !id.isEmpty() && i + 1 < name.length()
          && isLowercaseLetter(name.charAt(i + 1))) {
        capitalize = true;
      } else if (isLowercaseLetter(c) || c >= '0' && c <= '9') {
        id.append(capitalize ? Character.toUpperCase(c) : c);
        capitalize = false;
      } else if (c >= 'A' && c <= 'Z') {
        id.append(c);
        capitalize = false;
        hidden.append(String.format(Locale.ROOT, "X%03dU", i + 1));
      } else if (c <= 0xff) {
        hidden.append(String.format(Locale.ROOT, "X%03d%02X", i + 1, (int) c));
      } else { // none in an IAM name: only a plan made by hand brings it
        hidden.append(String.format(Locale.ROOT, "X%03dV%04X", i + 1, (int) c));
      }
    }
    return id.append("RolePolicy").append(hidden).toString();
  }

  private static boolean isLowercaseLetter(char c) {
    return c >= 'a' && c <= 'z';
  }
}

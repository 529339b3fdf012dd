package io.github.asgkms.bench;

import io.github.asgkms.spec.SpecReader;

/**
 * A valid spec of any size, written as the README writes specs. Half the keys are in the Auto
 * Scaling account and half in ten other accounts, alternating, so every size exercises key
 * policies of both kinds, grants, the grant script and the CreateGrant policy.
 */
final class SyntheticSpec {
  static final String AUTO_SCALING_ACCOUNT = "111122223333";
  private static final int OTHER_ACCOUNTS = 10;

  private SyntheticSpec() {}

  /**
   * The spec text for {@code keys} keys. Key {@code i} is named {@code k<i>}: short names keep
   * 10,000 keys within the spec's 1 MiB limit. Even keys are cross-account, so a one-key spec
   * still has a grant.
   */
  static String text(int keys) {
    StringBuilder out = new StringBuilder(128 + keys * 104);
    out.append("version: 1\n")
        .append("autoScalingAccountId: \"").append(AUTO_SCALING_ACCOUNT).append("\"\n")
        .append("grantCreator:\n")
        .append("  roleName: deployer\n")
        .append("keys:\n");
    for (int i = 0; i < keys; i++) {
      out.append("  - name: k").append(i).append('\n')
          .append("    arn: arn:aws:kms:us-west-2:").append(account(i))
          .append(":key/").append(uuid(i)).append('\n');
    }
    String text = out.toString();
    if (text.length() > SpecReader.MAX_BYTES) {
      throw new IllegalStateException(keys + " keys take " + text.length()
          + " bytes, over the spec limit of " + SpecReader.MAX_BYTES);
    }
    return text;
  }

  static boolean isCrossAccount(int index) {
    return index % 2 == 0;
  }

  private static String account(int index) {
    return isCrossAccount(index)
        ? Long.toString(444455550000L + (index / 2) % OTHER_ACCOUNTS)
        : AUTO_SCALING_ACCOUNT;
  }

  /** A lowercase UUID unique to the key, so no two keys share an ARN. */
  private static String uuid(int index) {
    return String.format("1a2b3c4d-5e6f-4a2b-8c4d-%012x", index);
  }
}

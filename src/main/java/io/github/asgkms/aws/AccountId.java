package io.github.asgkms.aws;

import java.util.regex.Pattern;

/** AWS account IDs: exactly twelve ASCII digits, leading zeros kept. */
public final class AccountId {
  /** Twelve digits, as a regular expression. */
  public static final String PATTERN = "[0-9]{12}";
  private static final Pattern TWELVE_DIGITS = Pattern.compile(PATTERN);

  private AccountId() {}

  public static boolean isValid(String text) {
    return TWELVE_DIGITS.matcher(text).matches();
  }
}

package io.github.asgkms.access;

/**
 * IAM's wildcard matching: {@code *} any run of characters, {@code ?} one character. Actions
 * match without regard to case (IAM User Guide, "IAM JSON policy elements: Action"), so
 * {@link StatementIndex} lower-cases both sides first; resources and string conditions match
 * with regard to it.
 */
final class Wildcards {
  private Wildcards() {}

  /** Iterative glob matching with one backtrack point: linear for the patterns IAM allows. */
  static boolean matches(String pattern, String text) {
    int p = 0;
    int t = 0;
    int star = -1;
    int resume = 0;
    while (t < text.length()) {
      if (p < pattern.length()
          && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
        p++;
        t++;
      } else if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        resume = t;
      } else if (star >= 0) {
        p = star + 1;
        t = ++resume;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }
}

package io.github.asgkms.spec;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** The known name a misspelt one most likely meant. */
final class Suggestions {
  private Suggestions() {}

  /**
   * The candidate nearest to {@code word}, ignoring case, when close enough to be a typo: at
   * most a third of it differs (two characters for short names).
   */
  static Optional<String> nearest(String word, Collection<String> candidates) {
    String nearest = null;
    int best = Integer.MAX_VALUE;
    for (String candidate : candidates.stream().sorted().toList()) {
      int distance = distance(word.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (distance < best) {
        best = distance;
        nearest = candidate;
      }
    }
    return nearest != null && best <= Math.max(2, nearest.length() / 3)
        ? Optional.of(nearest) : Optional.empty();
  }

  /** Levenshtein distance. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}

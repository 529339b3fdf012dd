package io.github.asgkms.spec;

import io.github.asgkms.spec.YamlNode.Entry;
import io.github.asgkms.spec.YamlNode.Mapping;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The properties of one spec mapping. Unknown keys are errors, reported with the nearest known
 * name, because a misspelt optional property would otherwise be silently ignored.
 */
final class Fields {
  private final Mapping mapping;
  private final SpecPath path;
  private final Errors errors;
  private final Map<String, YamlNode> values = new LinkedHashMap<>();

  Fields(Mapping mapping, SpecPath path, Errors errors, List<String> known) {
    this.mapping = mapping;
    this.path = path;
    this.errors = errors;
    for (Entry entry : mapping.entries()) {
      if (known.contains(entry.key())) {
        values.put(entry.key(), entry.value());
      } else {
        errors.add(entry.keyMark(), path.property(entry.key()), unknown(entry.key(), known));
      }
    }
  }

  Optional<YamlNode> optional(String name) {
    return Optional.ofNullable(values.get(name));
  }

  Optional<YamlNode> required(String name) {
    YamlNode value = values.get(name);
    if (value == null) {
      errors.add(mapping.mark(), path.property(name), "missing required property '" + name + "'");
    }
    return Optional.ofNullable(value);
  }

  SpecPath path(String name) {
    return path.property(name);
  }

  private static String unknown(String key, List<String> known) {
    String nearest = null;
    int best = Integer.MAX_VALUE;
    for (String candidate : known) {
      int distance = distance(key.toLowerCase(java.util.Locale.ROOT),
          candidate.toLowerCase(java.util.Locale.ROOT));
      if (distance < best) {
        best = distance;
        nearest = candidate;
      }
    }
    // Close enough to be a typo: at most a third of the name differs.
    if (nearest != null && best <= Math.max(2, nearest.length() / 3)) {
      return "unknown property '" + key + "'; did you mean '" + nearest + "'?";
    }
    return "unknown property '" + key + "'; expected one of: " + String.join(", ", known);
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

package io.github.asgkms.spec;

import static io.github.asgkms.text.Printable.quote;

import io.github.asgkms.spec.YamlNode.Entry;
import io.github.asgkms.spec.YamlNode.Mapping;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The properties of one spec mapping. Unknown keys are errors, reported with the nearest known
 * name, because a misspelt optional property would otherwise be silently ignored.
 */
final class Fields {
  private final Mapping mapping;
  private final SpecPath path;
  private final Errors errors;
  private final Map<String, YamlNode> values = new LinkedHashMap<>();
  /** Known names suggested for misspelt keys: their absence needs no second error. */
  private final Set<String> suggested = new HashSet<>();

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
    if (value == null && !suggested.contains(name)) {
      errors.add(mapping.mark(), path.property(name), "missing required property '" + name + "'");
    }
    return Optional.ofNullable(value);
  }

  SpecPath path(String name) {
    return path.property(name);
  }

  private String unknown(String key, List<String> known) {
    Optional<String> nearest = Suggestions.nearest(key, known);
    nearest.ifPresent(suggested::add);
    return nearest.map(n -> "unknown property " + quote(key) + "; did you mean '" + n + "'?")
        .orElse("unknown property " + quote(key) + "; expected one of: "
            + String.join(", ", known));
  }
}

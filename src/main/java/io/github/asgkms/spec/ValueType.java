package io.github.asgkms.spec;

import java.util.Map;
import java.util.Optional;

/**
 * How one kind of spec value is read from YAML, with its checks, and how the JSON Schema
 * shipped for editors describes it: both come from here, so they cannot drift apart.
 *
 * @param <T> the value once read
 */
interface ValueType<T> {
  /** The value at {@code node}, or empty after adding each problem with it to {@code errors}. */
  Optional<T> read(YamlNode node, SpecPath path, Errors errors);

  /** The value's JSON Schema (draft-07), as maps, lists, strings, numbers and booleans. */
  Map<String, Object> schema();

  /** The properties of the mapping this value is, or that each item of this list is. */
  default Optional<FieldSet> members() {
    return Optional.empty();
  }

  /** How the field table names the members of a field called {@code name}. */
  default String memberPrefix(String name) {
    return name + ".";
  }

  /** {@code value} as the schema's {@code default} writes it; empty when it writes none. */
  default Optional<Object> json(T value) {
    return Optional.empty();
  }
}

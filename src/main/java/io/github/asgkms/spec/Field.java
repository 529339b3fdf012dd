package io.github.asgkms.spec;

import java.util.Optional;

/**
 * One property of a spec mapping, declared once: the binder reads it, unknown names are
 * matched against it, and the JSON Schema and the field table of docs/spec.md are made from
 * it.
 *
 * @param name the property as the spec writes it
 * @param type how its value is read and checked
 * @param required whether the spec must give it
 * @param defaultValue its value when absent; empty when absence means "none"
 * @param description one plain sentence or two, for editors (the schema's description)
 * @param reference what it means and its rules, in Markdown, for the field table
 * @param <T> the value once read
 */
record Field<T>(String name, ValueType<T> type, boolean required, Optional<T> defaultValue,
    String description, String reference) {

  static <T> Field<T> required(String name, ValueType<T> type, String description,
      String reference) {
    return new Field<>(name, type, true, Optional.empty(), description, reference);
  }

  static <T> Field<T> optional(String name, ValueType<T> type, String description,
      String reference) {
    return new Field<>(name, type, false, Optional.empty(), description, reference);
  }

  static <T> Field<T> withDefault(String name, ValueType<T> type, T defaultValue,
      String description, String reference) {
    return new Field<>(name, type, false, Optional.of(defaultValue), description, reference);
  }
}

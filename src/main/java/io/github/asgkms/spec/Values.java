package io.github.asgkms.spec;

import io.github.asgkms.spec.YamlNode.Entry;
import io.github.asgkms.spec.YamlNode.Mapping;
import java.util.Map;
import java.util.Optional;

/**
 * The values read from one spec mapping, by declaration, and where each stands in the file,
 * so that a rule comparing fields can locate its error.
 */
final class Values {
  private final FieldSet fields;
  private final Mapping mapping;
  private final SpecPath path;
  private final Map<Field<?>, Object> values;

  Values(FieldSet fields, Mapping mapping, SpecPath path, Map<Field<?>, Object> values) {
    this.fields = fields;
    this.mapping = mapping;
    this.path = path;
    this.values = Map.copyOf(values);
  }

  /** The value the spec gave, if it gave a valid one. */
  @SuppressWarnings("unchecked") // values holds each field's own type, put by FieldSet.read
  <T> Optional<T> find(Field<T> field) {
    return Optional.ofNullable((T) values.get(field));
  }

  /** The value the spec gave, or the field's default. */
  <T> T get(Field<T> field) {
    return find(field).or(field::defaultValue).orElseThrow(
        () -> new IllegalStateException(field.name() + " has neither a value nor a default"));
  }

  /** Whether every required field has a valid value. */
  boolean complete() {
    return fields.fields().stream().filter(Field::required).allMatch(values::containsKey);
  }

  SpecPath path() {
    return path;
  }

  SpecPath path(Field<?> field) {
    return path.property(field.name());
  }

  /** The field's entry as written, valid or not. */
  Optional<Entry> entry(Field<?> field) {
    return mapping.entries().stream().filter(e -> e.key().equals(field.name())).findFirst();
  }

  /** Where the field's value stands, or the mapping when it is absent. */
  Mark valueMark(Field<?> field) {
    return entry(field).map(e -> e.value().mark()).orElse(mapping.mark());
  }
}

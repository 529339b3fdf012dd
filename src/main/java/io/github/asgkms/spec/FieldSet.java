package io.github.asgkms.spec;

import io.github.asgkms.spec.YamlNode.Mapping;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The declared properties of one spec mapping, in the order an unknown-property error lists
 * them.
 */
final class FieldSet {
  private final List<Field<?>> fields;

  FieldSet(Field<?>... fields) {
    this.fields = List.of(fields);
  }

  List<Field<?>> fields() {
    return fields;
  }

  List<String> names() {
    return fields.stream().map(Field::name).toList();
  }

  /**
   * Reads each declared property of {@code mapping}, adding to {@code errors} each unknown
   * property, each required one missing and each value that fails its checks.
   */
  Values read(Mapping mapping, SpecPath path, Errors errors) {
    Fields given = new Fields(mapping, path, errors, names());
    Map<Field<?>, Object> values = new HashMap<>();
    for (Field<?> field : fields) {
      (field.required() ? given.required(field.name()) : given.optional(field.name()))
          .flatMap(node -> field.type().read(node, path.property(field.name()), errors))
          .ifPresent(value -> values.put(field, value));
    }
    return new Values(this, mapping, path, values);
  }
}

package io.github.asgkms;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds a record by the names of its components, every one not given made hostile: a string
 * is {@link HostileValuesTest#h} of its component's name, a list holds one such value, a
 * record is built the same way. A component added to a record is then hostile in every test
 * without a change to the tests.
 */
final class HostileRecords {
  private HostileRecords() {}

  /**
   * The record, with {@code given} as name, value pairs.
   *
   * @throws IllegalArgumentException when a name is no component of the record
   */
  static <R extends Record> R build(Class<R> type, Object... given) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < given.length; i += 2) {
      values.put((String) given[i], given[i + 1]);
    }
    RecordComponent[] components = type.getRecordComponents();
    Set<String> names = Arrays.stream(components).map(RecordComponent::getName)
        .collect(Collectors.toSet());
    if (!names.containsAll(values.keySet())) {
      throw new IllegalArgumentException(type.getSimpleName() + " has no component among "
          + values.keySet() + "; it has " + names);
    }
    Object[] arguments = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent component = components[i];
      types[i] = component.getType();
      arguments[i] = values.containsKey(component.getName()) ? values.get(component.getName())
          : hostile(component.getName(), component.getGenericType());
    }
    try {
      return type.getDeclaredConstructor(types).newInstance(arguments);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Object hostile(String name, Type type) {
    if (type == String.class) {
      return HostileValuesTest.h(name);
    }
    if (type == boolean.class) {
      return true;
    }
    if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
      return List.of(hostile(name, list.getActualTypeArguments()[0]));
    }
    if (type instanceof Class<?> c && c.isRecord()) {
      return build((Class<? extends Record>) c);
    }
    if (type instanceof Class<?> c && c.isEnum()) {
      return c.getEnumConstants()[0];
    }
    throw new IllegalArgumentException("give " + name + " (" + type + ") a value");
  }
}

package io.github.asgkms.render;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What templates may read of one record class: its components, then the public
 * zero-argument methods it declares itself, such as a statement's {@code effect}. Nothing
 * inherited, so no {@code getClass} and no way into the Java API.
 */
final class RecordShape {
  private final List<String> names;
  private final Method[] readers;
  private final Map<String, Integer> indexByName;

  private RecordShape(List<String> names, List<Method> readers) {
    this.names = List.copyOf(names);
    this.readers = readers.toArray(Method[]::new);
    for (Method reader : this.readers) {
      // The methods are public already; this only spares each call the access check.
      reader.setAccessible(true);
    }
    this.indexByName = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      indexByName.put(names.get(i), i);
    }
  }

  static RecordShape of(Class<?> recordClass) {
    List<String> names = new ArrayList<>();
    List<Method> readers = new ArrayList<>();
    for (RecordComponent component : recordClass.getRecordComponents()) {
      names.add(component.getName());
      readers.add(component.getAccessor());
    }
    for (Method method : recordClass.getDeclaredMethods()) {
      int modifiers = method.getModifiers();
      if (Modifier.isPublic(modifiers) && !Modifier.isStatic(modifiers)
          && method.getParameterCount() == 0 && method.getReturnType() != void.class
          && !method.isSynthetic() && !names.contains(method.getName())
          && !List.of("toString", "hashCode").contains(method.getName())) {
        names.add(method.getName());
        readers.add(method);
      }
    }
    return new RecordShape(names, readers);
  }

  /** The index of a readable name, or -1. */
  int indexOf(String name) {
    Integer index = indexByName.get(name);
    return index == null ? -1 : index;
  }

  int size() {
    return names.size();
  }

  List<String> names() {
    return names;
  }

  Method reader(int index) {
    return readers[index];
  }
}

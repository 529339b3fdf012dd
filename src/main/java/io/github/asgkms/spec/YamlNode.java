package io.github.asgkms.spec;

import java.util.List;

/**
 * The spec's YAML as a tree that remembers where each node stands, so that every error can
 * name its line and column. It holds only what the spec can use: mappings, sequences and
 * scalars with their raw text.
 */
public sealed interface YamlNode {
  Mark mark();

  /** What the node is, in the words an error message uses. */
  String kindName();

  /** A scalar's raw text as written, so {@code 012345678901} and {@code no} stay themselves. */
  record Scalar(String text, Type type, boolean quoted, Mark mark) implements YamlNode {
    /** How YAML would read the scalar when no schema says otherwise. */
    public enum Type {
      STRING,
      INTEGER,
      FLOAT,
      BOOLEAN,
      NULL
    }

    @Override
    public String kindName() {
      return switch (type) {
        case STRING -> "a string";
        case INTEGER, FLOAT -> "a number";
        case BOOLEAN -> "a boolean";
        case NULL -> "null";
      };
    }
  }

  record Sequence(List<YamlNode> items, Mark mark) implements YamlNode {
    @Override
    public String kindName() {
      return "a list";
    }
  }

  record Mapping(List<Entry> entries, Mark mark) implements YamlNode {
    @Override
    public String kindName() {
      return "a mapping";
    }
  }

  /** A mapping entry; the key's own mark locates errors about the key. */
  record Entry(String key, Mark keyMark, YamlNode value) {}
}

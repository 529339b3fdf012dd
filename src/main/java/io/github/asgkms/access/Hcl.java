package io.github.asgkms.access;

import java.util.List;
import java.util.Map;

/** The parts of an HCL file that {@link HclReader} reads: bodies, blocks, attributes, values. */
final class Hcl {
  private Hcl() {}

  /** A body: its attributes by name (HCL allows each once) and its blocks in order. */
  record Body(Map<String, Attribute> attributes, List<Block> blocks) {
    List<Block> blocks(String type) {
      return blocks.stream().filter(b -> b.type().equals(type)).toList();
    }
  }

  /** Where a node starts; its text is made only when a message needs it. */
  record At(String file, int line, int column) {
    @Override
    public String toString() {
      return file + ":" + line + ":" + column;
    }
  }

  record Block(String type, List<String> labels, Body body, At at) {
    String where() {
      return at.toString();
    }
  }

  record Attribute(String name, Expr value, At at) {
    String where() {
      return at.toString();
    }
  }

  /** A value: only literals, tuples, objects and plain references are read. */
  sealed interface Expr {
    At at();

    default String where() {
      return at().toString();
    }
  }

  /** A string, a number (as its text), a bool or null. */
  record Literal(Object value, At at) implements Expr {}

  record Tuple(List<Expr> items, At at) implements Expr {}

  record ObjectValue(Map<String, Expr> entries, At at) implements Expr {}

  /** A traversal such as {@code data.aws_iam_policy_document.x.json}. */
  record Reference(List<String> path, At at) implements Expr {
    String text() {
      return String.join(".", path);
    }
  }
}

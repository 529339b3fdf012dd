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

  record Block(String type, List<String> labels, Body body, String where) {}

  record Attribute(String name, Expr value, String where) {}

  /** A value: only literals, tuples, objects and plain references are read. */
  sealed interface Expr {
    String where();
  }

  /** A string, a number (as its text), a bool or null. */
  record Literal(Object value, String where) implements Expr {}

  record Tuple(List<Expr> items, String where) implements Expr {}

  record ObjectValue(Map<String, Expr> entries, String where) implements Expr {}

  /** A traversal such as {@code data.aws_iam_policy_document.x.json}. */
  record Reference(List<String> path, String where) implements Expr {
    String text() {
      return String.join(".", path);
    }
  }
}

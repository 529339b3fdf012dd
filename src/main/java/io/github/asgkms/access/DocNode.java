package io.github.asgkms.access;

import java.util.List;
import java.util.Map;

/**
 * A JSON or YAML document as a tree that remembers where each node stands, and, in YAML, its
 * tag ({@code !Ref}, {@code !GetAtt}, {@code !Sub}), which CloudFormation gives meaning to.
 */
sealed interface DocNode {
  /** {@code file:line:column}. */
  String where();

  /** The explicit tag, such as {@code !GetAtt}, or null. */
  String tag();

  /** A scalar; {@code text} is null for a null. */
  record Scalar(String text, String tag, String where) implements DocNode {}

  record Sequence(List<DocNode> items, String tag, String where) implements DocNode {}

  /** A mapping, its keys in document order and unique. */
  record Mapping(Map<String, DocNode> entries, String tag, String where) implements DocNode {}
}

package io.github.asgkms.access;

import java.util.ArrayList;
import java.util.List;

/**
 * How a document's values become strings. Plain JSON has only literals; CloudFormation adds
 * intrinsic functions, which {@link CloudFormationValues} resolves.
 */
interface ScalarValues {
  ScalarValues LITERAL = node -> {
    if (node.tag() != null) {
      throw new DocumentException(node.where(), "the tag " + node.tag() + " has no meaning here");
    }
    if (node instanceof DocNode.Scalar scalar && scalar.text() != null) {
      return scalar.text();
    }
    throw new DocumentException(node.where(), "expected a string");
  };

  /** The node's value as one string. */
  String string(DocNode node) throws DocumentException;

  /** A string, or a list of them, as a list. */
  default List<String> strings(DocNode node) throws DocumentException {
    if (node instanceof DocNode.Sequence sequence && sequence.tag() == null) {
      List<String> values = new ArrayList<>();
      for (DocNode item : sequence.items()) {
        values.add(string(item));
      }
      return values;
    }
    return List.of(string(node));
  }
}

package io.github.asgkms.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads policy documents in IAM's JSON grammar, from JSON or from CloudFormation's YAML: a
 * whole document ({@code Version}, {@code Statement}) or a bare list of statements, as the
 * key-policy snippets are. An element the model does not evaluate (NotAction, NotResource,
 * NotPrincipal, a principal other than AWS) is kept as unsupported on its statement, so that it
 * can never allow and is reported; an unknown element is an error.
 */
final class PolicyReader {
  private static final Set<String> DOCUMENT_KEYS = Set.of("Version", "Id", "Statement");
  private static final Set<String> STATEMENT_KEYS = Set.of("Sid", "Effect", "Principal",
      "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition");

  private PolicyReader() {}

  /** A whole document, or a bare list of statements. */
  static PolicyDocument read(DocNode root, String origin, String name, ScalarValues values)
      throws DocumentException {
    DocNode statements = root;
    if (root instanceof DocNode.Mapping mapping) {
      for (String key : mapping.entries().keySet()) {
        if (!DOCUMENT_KEYS.contains(key)) {
          throw new DocumentException(mapping.where(), "unknown policy element '" + key + "'");
        }
      }
      statements = mapping.entries().get("Statement");
      if (statements == null) {
        throw new DocumentException(mapping.where(), "a policy without Statement");
      }
      if (statements instanceof DocNode.Mapping) {
        return new PolicyDocument(origin, name, List.of(statement(statements, values)));
      }
    }
    if (!(statements instanceof DocNode.Sequence sequence)) {
      throw new DocumentException(root.where(), "expected a policy or a list of statements");
    }
    List<Statement> read = new ArrayList<>();
    for (DocNode item : sequence.items()) {
      read.add(statement(item, values));
    }
    return new PolicyDocument(origin, name, read);
  }

  static Statement statement(DocNode node, ScalarValues values) throws DocumentException {
    if (!(node instanceof DocNode.Mapping mapping) || node.tag() != null) {
      throw new DocumentException(node.where(), "expected a statement");
    }
    Map<String, DocNode> e = mapping.entries();
    for (String key : e.keySet()) {
      if (!STATEMENT_KEYS.contains(key)) {
        throw new DocumentException(mapping.where(), "unknown statement element '" + key + "'");
      }
    }
    String sid = e.containsKey("Sid") ? values.string(e.get("Sid")) : null;
    if (!e.containsKey("Effect")) {
      throw new DocumentException(mapping.where(), "a statement without Effect");
    }
    String effectText = values.string(e.get("Effect"));
    Effect effect = switch (effectText) {
      case "Allow" -> Effect.ALLOW;
      case "Deny" -> Effect.DENY;
      default -> throw new DocumentException(e.get("Effect").where(),
          "Effect is '" + effectText + "'; expected Allow or Deny");
    };
    List<String> unsupported = new ArrayList<>();
    for (String element : List.of("NotPrincipal", "NotAction", "NotResource")) {
      if (e.containsKey(element)) {
        unsupported.add(element);
      }
    }
    List<String> principals = e.containsKey("Principal")
        ? principals(e.get("Principal"), values, unsupported) : List.of();
    List<String> actions = e.containsKey("Action") ? values.strings(e.get("Action")) : List.of();
    List<String> resources = e.containsKey("Resource") ? values.strings(e.get("Resource"))
        : List.of();
    List<ConditionClause> conditions = e.containsKey("Condition")
        ? conditions(e.get("Condition"), values) : List.of();
    return new Statement(sid, effect, principals, actions, resources, conditions, unsupported);
  }

  private static List<String> principals(DocNode node, ScalarValues values,
      List<String> unsupported) throws DocumentException {
    if (node instanceof DocNode.Scalar) {
      String any = values.string(node);
      if (!any.equals("*")) {
        throw new DocumentException(node.where(), "a Principal string must be *");
      }
      return List.of("*");
    }
    if (!(node instanceof DocNode.Mapping mapping) || node.tag() != null) {
      throw new DocumentException(node.where(), "expected a Principal mapping");
    }
    List<String> principals = new ArrayList<>();
    for (Map.Entry<String, DocNode> entry : mapping.entries().entrySet()) {
      if (entry.getKey().equals("AWS")) {
        principals.addAll(values.strings(entry.getValue()));
      } else {
        unsupported.add("Principal " + entry.getKey());
      }
    }
    return principals;
  }

  private static List<ConditionClause> conditions(DocNode node, ScalarValues values)
      throws DocumentException {
    if (!(node instanceof DocNode.Mapping operators) || node.tag() != null) {
      throw new DocumentException(node.where(), "expected a Condition mapping");
    }
    List<ConditionClause> clauses = new ArrayList<>();
    for (Map.Entry<String, DocNode> operator : operators.entries().entrySet()) {
      if (!(operator.getValue() instanceof DocNode.Mapping keys)
          || operator.getValue().tag() != null) {
        throw new DocumentException(operator.getValue().where(),
            "expected condition keys under " + operator.getKey());
      }
      for (Map.Entry<String, DocNode> key : keys.entries().entrySet()) {
        clauses.add(new ConditionClause(operator.getKey(), key.getKey(),
            values.strings(key.getValue())));
      }
    }
    return clauses;
  }
}

package io.github.asgkms.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits statements into as few policy documents as fit IAM's managed-policy size, in order,
 * so the split is the same on every run. A statement too large for one document is split by
 * its resources; its parts keep its Sid, which stays unique within each document. Sizes are
 * added up as statements and resources are taken, so the work grows linearly with the keys.
 */
final class PolicySplitter {
  private PolicySplitter() {}

  static List<List<PolicyStatement>> split(List<PolicyStatement> statements, int limit) {
    List<List<PolicyStatement>> documents = new ArrayList<>();
    List<PolicyStatement> current = new ArrayList<>();
    int size = PolicySize.DOCUMENT_OVERHEAD;
    for (PolicyStatement statement : statements) {
      for (PolicyStatement part : parts(statement, limit)) {
        int added = PolicySize.of(part) + (current.isEmpty() ? 0 : 1); // and a comma
        if (!current.isEmpty() && size + added > limit) {
          documents.add(List.copyOf(current));
          current = new ArrayList<>();
          size = PolicySize.DOCUMENT_OVERHEAD;
          added -= 1;
        }
        current.add(part);
        size += added;
      }
    }
    if (!current.isEmpty()) {
      documents.add(List.copyOf(current));
    }
    return documents;
  }

  /** The statement, or pieces of it by resource, each fitting a document of its own. */
  private static List<PolicyStatement> parts(PolicyStatement statement, int limit) {
    if (PolicySize.DOCUMENT_OVERHEAD + PolicySize.of(statement) <= limit) {
      return List.of(statement);
    }
    int empty = PolicySize.DOCUMENT_OVERHEAD + PolicySize.of(with(statement, List.of()));
    List<PolicyStatement> parts = new ArrayList<>();
    List<String> resources = new ArrayList<>();
    int size = empty;
    for (String resource : statement.resources()) {
      int added = PolicySize.string(resource) + (resources.isEmpty() ? 0 : 1);
      if (!resources.isEmpty() && size + added > limit) {
        parts.add(with(statement, resources));
        resources = new ArrayList<>();
        size = empty;
        added -= 1;
      }
      if (size + added > limit) {
        throw new IllegalStateException("one resource of statement " + statement.sid()
            + " does not fit an IAM policy");
      }
      resources.add(resource);
      size += added;
    }
    parts.add(with(statement, resources));
    return parts;
  }

  private static PolicyStatement with(PolicyStatement statement, List<String> resources) {
    return new PolicyStatement(statement.sid(), statement.principals(), statement.actions(),
        List.copyOf(resources), statement.conditions());
  }
}

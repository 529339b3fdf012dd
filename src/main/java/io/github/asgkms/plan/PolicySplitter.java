package io.github.asgkms.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits statements into as few policy documents as fit IAM's managed-policy size, in order,
 * so the split is the same on every run. A statement too large for one document is split by
 * its resources; its parts keep its Sid, which stays unique within each document.
 */
final class PolicySplitter {
  private PolicySplitter() {}

  static List<List<PolicyStatement>> split(List<PolicyStatement> statements, int limit) {
    List<List<PolicyStatement>> documents = new ArrayList<>();
    List<PolicyStatement> current = new ArrayList<>();
    for (PolicyStatement statement : statements) {
      for (PolicyStatement part : parts(statement, limit)) {
        List<PolicyStatement> candidate = new ArrayList<>(current);
        candidate.add(part);
        if (!current.isEmpty() && PolicySize.of(candidate) > limit) {
          documents.add(List.copyOf(current));
          current = new ArrayList<>(List.of(part));
        } else {
          current = candidate;
        }
      }
    }
    if (!current.isEmpty()) {
      documents.add(List.copyOf(current));
    }
    return documents;
  }

  /** The statement, or pieces of it by resource, each fitting a document of its own. */
  private static List<PolicyStatement> parts(PolicyStatement statement, int limit) {
    if (PolicySize.of(List.of(statement)) <= limit) {
      return List.of(statement);
    }
    List<PolicyStatement> parts = new ArrayList<>();
    List<String> resources = new ArrayList<>();
    for (String resource : statement.resources()) {
      List<String> candidate = new ArrayList<>(resources);
      candidate.add(resource);
      if (!resources.isEmpty() && PolicySize.of(List.of(with(statement, candidate))) > limit) {
        parts.add(with(statement, resources));
        resources = new ArrayList<>(List.of(resource));
      } else {
        resources = candidate;
      }
    }
    parts.add(with(statement, resources));
    for (PolicyStatement part : parts) {
      if (PolicySize.of(List.of(part)) > limit) {
        throw new IllegalStateException("one resource of statement " + statement.sid()
            + " does not fit an IAM policy");
      }
    }
    return parts;
  }

  private static PolicyStatement with(PolicyStatement statement, List<String> resources) {
    return new PolicyStatement(statement.sid(), statement.principals(), statement.actions(),
        List.copyOf(resources), statement.conditions());
  }
}

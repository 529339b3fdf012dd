package io.github.asgkms.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits statements into as few policy documents as fit IAM's managed-policy size, in order,
 * so the split is the same on every run. A statement goes whole into the current document if
 * it fits; otherwise it is split by its resources, its first part filling what the current
 * document has left and the rest going on in the next, so that a spec of many keys needs as
 * few policies as their size allows: IAM attaches only so many to a role. Its parts keep its
 * Sid, which stays unique within each document: two parts of one statement never share a
 * document. Sizes are added up as statements and resources are taken, so the work grows
 * linearly with the keys.
 */
final class PolicySplitter {
  private PolicySplitter() {}

  static List<List<PolicyStatement>> split(List<PolicyStatement> statements, int limit) {
    Documents documents = new Documents(limit);
    for (PolicyStatement statement : statements) {
      if (documents.fits(statement)) {
        documents.add(statement);
      } else {
        documents.addSplit(statement);
      }
    }
    return documents.close();
  }

  /** The documents so far, the last one open. */
  private static final class Documents {
    private final int limit;
    private final List<List<PolicyStatement>> closed = new ArrayList<>();
    private List<PolicyStatement> current = new ArrayList<>();
    private int size = PolicySize.DOCUMENT_OVERHEAD;

    Documents(int limit) {
      this.limit = limit;
    }

    /** What a statement of this size adds to the current document, its comma included. */
    private int cost(int statementSize) {
      return statementSize + (current.isEmpty() ? 0 : 1);
    }

    boolean fits(PolicyStatement statement) {
      return size + cost(PolicySize.of(statement)) <= limit;
    }

    void add(PolicyStatement statement) {
      add(statement, PolicySize.of(statement));
    }

    /**
     * Takes the statement's resources in order, as many as fit the current document, then
     * the next, each part a statement of its own with the same Sid, actions and conditions.
     */
    void addSplit(PolicyStatement statement) {
      int empty = PolicySize.of(with(statement, List.of()));
      List<String> resources = new ArrayList<>();
      int partSize = empty;
      for (String resource : statement.resources()) {
        int added = PolicySize.string(resource) + (resources.isEmpty() ? 0 : 1);
        if (size + cost(partSize + added) > limit) {
          if (!resources.isEmpty()) {
            add(with(statement, resources), partSize);
            resources = new ArrayList<>();
            partSize = empty;
            added = PolicySize.string(resource);
          }
          next();
          if (size + cost(partSize + added) > limit) {
            throw new IllegalStateException("one resource of statement " + statement.sid()
                + " does not fit an IAM policy");
          }
        }
        resources.add(resource);
        partSize += added;
      }
      add(with(statement, resources), partSize);
    }

    private void add(PolicyStatement statement, int statementSize) {
      size += cost(statementSize);
      current.add(statement);
    }

    private void next() {
      if (!current.isEmpty()) {
        closed.add(List.copyOf(current));
      }
      current = new ArrayList<>();
      size = PolicySize.DOCUMENT_OVERHEAD;
    }

    List<List<PolicyStatement>> close() {
      next();
      return closed;
    }
  }

  private static PolicyStatement with(PolicyStatement statement, List<String> resources) {
    return new PolicyStatement(statement.sid(), statement.principals(), statement.actions(),
        List.copyOf(resources), statement.conditions());
  }
}

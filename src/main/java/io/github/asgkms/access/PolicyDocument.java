package io.github.asgkms.access;

import java.util.ArrayList;
import java.util.List;

/**
 * A policy as read back from the rendered output.
 *
 * @param origin where it was read: the file, and the resource or data source in it
 * @param name the IAM policy's name, or null (a key policy, or a name CloudFormation chooses)
 * @param statements its statements, in order
 */
public record PolicyDocument(String origin, String name, List<Statement> statements) {
  public PolicyDocument {
    statements = List.copyOf(statements);
  }

  /** How messages name a statement of it. */
  public String describe(int index) {
    return "statement " + statements.get(index).label(index) + " of " + origin;
  }

  public PolicyDocument withStatement(int index, Statement replacement) {
    List<Statement> changed = new ArrayList<>(statements);
    changed.set(index, replacement);
    return new PolicyDocument(origin, name, changed);
  }

  public PolicyDocument withoutStatement(int index) {
    List<Statement> changed = new ArrayList<>(statements);
    changed.remove(index);
    return new PolicyDocument(origin, name, changed);
  }
}

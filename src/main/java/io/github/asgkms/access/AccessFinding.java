package io.github.asgkms.access;

/**
 * Something the access check found wrong with one format's output.
 *
 * @param kind what is wrong
 * @param format the format whose files it is about
 * @param where the sequence and step, or the probe
 * @param call the call, such as {@code kms:ListGrants on arn:...}
 * @param principal who made it
 * @param detail why it is wrong, naming the missing or excess statement
 */
public record AccessFinding(Kind kind, String format, String where, String call,
    String principal, String detail) {

  public enum Kind {
    /** A call the consumer makes is refused. */
    MISSING,
    /** A call is allowed that the spec never asks for, or to a principal it never named. */
    EXCESS,
    /** A file the model cannot read, or a statement it cannot evaluate with certainty. */
    UNREADABLE,
    /** A CloudFormation lifecycle leaves the stack believing in a grant that is gone. */
    BROKEN_INVARIANT
  }

  /** One line for the build log. */
  public String message() {
    StringBuilder out = new StringBuilder("[").append(format).append("] ");
    switch (kind) {
      case MISSING -> out.append("required call refused: ");
      case EXCESS -> out.append("excess access: ");
      case UNREADABLE -> out.append("cannot check access: ");
      case BROKEN_INVARIANT -> out.append("grant lifecycle broken: ");
    }
    out.append(where);
    if (call != null) {
      out.append(": ").append(call);
    }
    if (principal != null) {
      out.append(" by ").append(principal);
    }
    return out.append(": ").append(detail).toString();
  }
}

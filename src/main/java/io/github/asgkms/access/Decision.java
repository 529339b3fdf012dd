package io.github.asgkms.access;

import java.util.List;

/**
 * What KMS answers a request, and why.
 *
 * @param outcome allowed, refused or not found
 * @param gap for a refusal, which layer lacks the permission
 * @param reason a sentence that says why, naming documents and statements
 * @param sources what allowed it: statements and grants
 * @param notModelled statements with elements or conditions the model does not evaluate, met
 *     on the way
 */
public record Decision(Outcome outcome, Gap gap, String reason, List<Source> sources,
    List<String> notModelled) {

  public Decision {
    sources = List.copyOf(sources);
    notModelled = List.copyOf(notModelled);
  }

  public enum Outcome {
    ALLOWED,
    REFUSED,
    /** The grant named is not on the key: KMS answers NotFoundException. */
    NOT_FOUND
  }

  /** The layer that refused. */
  public enum Gap {
    NONE,
    EXPLICIT_DENY,
    KEY_POLICY,
    IDENTITY_POLICY,
    GRANT,
    RETIREMENT
  }

  /**
   * One thing that allowed a request.
   *
   * @param document the policy, or null for a grant
   * @param index the statement's index in it
   * @param grant the grant, or null for a statement
   */
  public record Source(PolicyDocument document, int index, Grant grant) {
    public String describe() {
      return grant != null ? grant.label() + " (" + grant.origin() + ")"
          : document.describe(index);
    }

    public Statement statement() {
      return document == null ? null : document.statements().get(index);
    }
  }

  public boolean allowed() {
    return outcome == Outcome.ALLOWED;
  }
}

package io.github.asgkms.access;

import io.github.asgkms.access.Decision.Source;
import java.util.ArrayList;
import java.util.List;

/**
 * Words for a finding: which planned statement or grant is missing from the rendered files, or
 * which rendered one allows too much.
 */
final class Explain {
  private Explain() {}

  /**
   * Why the rendered output refuses a call the plan allows: each planned statement or grant
   * that allowed it, and what became of it in the rendered files.
   */
  static String missing(Decision rendered, Decision planned, AccessWorld world,
      KmsRequest request) {
    StringBuilder out = new StringBuilder(rendered.reason());
    if (planned == null || !planned.allowed()) {
      return out.toString();
    }
    List<String> parts = new ArrayList<>();
    for (Source source : planned.sources()) {
      parts.add(missingPart(source, world, request));
    }
    return out.append("; missing: ").append(String.join(", and ", parts)).toString();
  }

  private static String missingPart(Source source, AccessWorld world, KmsRequest request) {
    if (source.grant() != null) {
      Grant planned = source.grant();
      for (Grant grant : world.grants().list(request.keyArn())) {
        if (grant.grantee().equals(planned.grantee())) {
          return "grant " + quote(planned.name()) + " with " + request.operation()
              + " (the grant on the key, " + grant.label() + ", has "
              + String.join(" ", grant.operations()) + ")";
        }
      }
      return "grant " + quote(planned.name()) + " for " + planned.grantee()
          + " (no grant for it on the key)";
    }
    Statement statement = source.statement();
    String name = statement.sid() != null ? "statement " + quote(statement.sid())
        : "a statement";
    PolicyDocument counterpart = counterpart(source.document(), world, request);
    if (counterpart == null) {
      return name + " of " + source.document().origin() + " (no such document rendered)";
    }
    for (Statement s : counterpart.statements()) {
      if (statement.sid() != null && statement.sid().equals(s.sid())) {
        return name + " of " + counterpart.origin() + " as planned (it is there but no"
            + " longer allows this call)";
      }
    }
    return name + " (planned) in " + counterpart.origin();
  }

  /** The rendered document that stands where the planned one does. */
  private static PolicyDocument counterpart(PolicyDocument planned, AccessWorld world,
      KmsRequest request) {
    if (planned.origin().startsWith("the planned key policy")) {
      return world.keyPolicy(request.keyArn());
    }
    List<PolicyDocument> docs = world.identityPoliciesOf(request.caller());
    for (PolicyDocument doc : docs) {
      if (planned.name() != null && planned.name().equals(doc.name())) {
        return doc;
      }
    }
    if (!docs.isEmpty()) {
      return docs.get(0);
    }
    return null;
  }

  /** The rendered statements and grants that allow a call they should not. */
  static String excess(Decision rendered) {
    List<String> parts = new ArrayList<>();
    for (Source source : rendered.sources()) {
      parts.add(source.describe());
    }
    return "allowed by " + String.join(" and ", parts);
  }

  static String quote(String text) {
    return text == null ? "(unnamed)" : "'" + text + "'";
  }
}

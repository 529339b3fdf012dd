package io.github.asgkms.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Every single-item mutation of one format's read-back documents: each statement dropped,
 * each action of a statement that has more than one dropped, each condition dropped, each grant
 * dropped.
 */
final class Mutations {
  /**
   * One mutation: what it drops, and the documents without it.
   *
   * @param condition the condition key dropped, or null
   * @param keyArn the key whose policy it changes, or null for an IAM policy or a grant
   */
  record Mutation(String description, String sid, String action, String condition,
      String keyArn, RenderedDocuments documents) {}

  private Mutations() {}

  static List<Mutation> of(RenderedDocuments original) {
    List<Mutation> mutations = new ArrayList<>();
    for (Map.Entry<String, PolicyDocument> entry : original.keyPolicies().entrySet()) {
      PolicyDocument doc = entry.getValue();
      statements(doc, entry.getKey(), changed -> {
        RenderedDocuments copy = original.copy();
        copy.keyPolicies.put(entry.getKey(), changed.apply(doc));
        return copy;
      }, mutations);
    }
    List<PolicyDocument> identityDocs = new ArrayList<>();
    original.identityPolicies().values().forEach(list -> list.forEach(doc -> {
      if (identityDocs.stream().noneMatch(d -> d == doc)) {
        identityDocs.add(doc);
      }
    }));
    for (PolicyDocument doc : identityDocs) {
      statements(doc, null, changed -> {
        RenderedDocuments copy = original.copy();
        PolicyDocument replacement = changed.apply(doc);
        copy.identityPolicies.replaceAll((identity, docs) -> {
          List<PolicyDocument> replaced = new ArrayList<>();
          docs.forEach(d -> replaced.add(d == doc ? replacement : d));
          return replaced;
        });
        return copy;
      }, mutations);
    }
    for (int i = 0; i < original.grants().size(); i++) {
      RenderedDocuments copy = original.copy();
      GrantDefinition dropped = copy.grants.remove(i);
      mutations.add(new Mutation("grant " + dropped.origin() + " dropped", null, null, null,
          null, copy));
    }
    return mutations;
  }

  private interface Apply {
    RenderedDocuments with(UnaryOperator<PolicyDocument> change);
  }

  private static void statements(PolicyDocument doc, String keyArn, Apply apply,
      List<Mutation> out) {
    for (int i = 0; i < doc.statements().size(); i++) {
      int index = i;
      Statement s = doc.statements().get(i);
      String where = doc.describe(i);
      out.add(new Mutation(where + " dropped", s.sid(), null, null, keyArn,
          apply.with(d -> d.withoutStatement(index))));
      if (s.actions().size() > 1) {
        for (int a = 0; a < s.actions().size(); a++) {
          int action = a;
          out.add(new Mutation(s.actions().get(a) + " dropped from " + where, s.sid(),
              s.actions().get(a), null, keyArn, apply.with(d -> d.withStatement(index,
                  s.withoutAction(action)))));
        }
      }
      for (int c = 0; c < s.conditions().size(); c++) {
        int condition = c;
        out.add(new Mutation("condition " + s.conditions().get(c) + " dropped from " + where,
            s.sid(), null, s.conditions().get(c).key(), keyArn, apply.with(d -> d.withStatement(index,
                s.withoutCondition(condition)))));
      }
    }
  }
}

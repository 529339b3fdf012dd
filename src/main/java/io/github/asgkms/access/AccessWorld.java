package io.github.asgkms.access;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What KMS and IAM would hold once the output is applied: each key's policy (the generated
 * statements; those they are merged into are the user's and are not modelled), each
 * identity's IAM policies, and the grants.
 */
public final class AccessWorld {
  private final Map<String, PolicyDocument> keyPolicies;
  private final Map<String, List<PolicyDocument>> identityPolicies;
  private final GrantState grants;
  /** Each statement's index, by identity: statements never change, so copies share it. */
  private final Map<Statement, StatementIndex> indexes;
  /** Each caller's IAM policies, as looked up. */
  private final Map<String, List<PolicyDocument>> callers = new HashMap<>();

  public AccessWorld(Map<String, PolicyDocument> keyPolicies,
      Map<String, List<PolicyDocument>> identityPolicies, GrantState grants) {
    this(Collections.unmodifiableMap(new LinkedHashMap<>(keyPolicies)),
        copyOf(identityPolicies), grants, new IdentityHashMap<>());
  }

  /** Shares the documents, which no world changes: a world per replay costs no copy. */
  private AccessWorld(Map<String, PolicyDocument> keyPolicies,
      Map<String, List<PolicyDocument>> identityPolicies, GrantState grants,
      Map<Statement, StatementIndex> indexes) {
    this.keyPolicies = keyPolicies;
    this.identityPolicies = identityPolicies;
    this.grants = grants;
    this.indexes = indexes;
  }

  private static Map<String, List<PolicyDocument>> copyOf(
      Map<String, List<PolicyDocument>> identityPolicies) {
    Map<String, List<PolicyDocument>> copy = new LinkedHashMap<>();
    identityPolicies.forEach((id, docs) -> copy.put(id, List.copyOf(docs)));
    return Collections.unmodifiableMap(copy);
  }

  StatementIndex index(Statement statement) {
    return indexes.computeIfAbsent(statement, StatementIndex::new);
  }

  /** The key's policy, or null when none was read for it. */
  public PolicyDocument keyPolicy(String keyArn) {
    return keyPolicies.get(keyArn);
  }

  public Map<String, PolicyDocument> keyPolicies() {
    return keyPolicies;
  }

  public Map<String, List<PolicyDocument>> identityPolicies() {
    return identityPolicies;
  }

  /** The IAM policies of the caller's identity: the role of a session, a user, a role. */
  public List<PolicyDocument> identityPoliciesOf(String caller) {
    return callers.computeIfAbsent(caller, c -> identityPolicies.getOrDefault(
        Principals.identityOf(c, identityPolicies.keySet()), List.of()));
  }

  public GrantState grants() {
    return grants;
  }

  /** The same documents with a grant state of its own, so replays do not meet. */
  public AccessWorld withGrants(GrantState state) {
    return new AccessWorld(keyPolicies, identityPolicies, state, indexes);
  }

  public AccessWorld withIdentity(String identity, List<PolicyDocument> documents) {
    Map<String, List<PolicyDocument>> changed = new LinkedHashMap<>(identityPolicies);
    changed.put(identity, List.copyOf(documents));
    return new AccessWorld(keyPolicies, Collections.unmodifiableMap(changed), grants, indexes);
  }
}

package io.github.asgkms.access;

import java.util.ArrayList;
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

  public AccessWorld(Map<String, PolicyDocument> keyPolicies,
      Map<String, List<PolicyDocument>> identityPolicies, GrantState grants) {
    this.keyPolicies = new LinkedHashMap<>(keyPolicies);
    this.identityPolicies = new LinkedHashMap<>();
    identityPolicies.forEach((id, docs) -> this.identityPolicies.put(id, List.copyOf(docs)));
    this.grants = grants;
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
    String identity = Principals.identityOf(caller, identityPolicies.keySet());
    return identityPolicies.getOrDefault(identity, List.of());
  }

  public GrantState grants() {
    return grants;
  }

  /** The same documents with a grant state of its own, so replays do not meet. */
  public AccessWorld withGrants(GrantState state) {
    return new AccessWorld(keyPolicies, identityPolicies, state);
  }

  public AccessWorld withIdentity(String identity, List<PolicyDocument> documents) {
    Map<String, List<PolicyDocument>> changed = new LinkedHashMap<>(identityPolicies);
    changed.put(identity, new ArrayList<>(documents));
    return new AccessWorld(keyPolicies, changed, grants);
  }
}

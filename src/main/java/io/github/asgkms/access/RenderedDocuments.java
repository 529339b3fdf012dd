package io.github.asgkms.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one format's rendered files say about access: each key's policy, each identity's IAM
 * policies, the grants the grant manager is to create, and the Regions the CLI script sends
 * its account check to. Identities are role ARNs; policies rendered for no named identity
 * (the create-grant policy when the spec names no role) are held by {@link #unattached}.
 */
public final class RenderedDocuments {
  final Map<String, PolicyDocument> keyPolicies = new LinkedHashMap<>();
  final Map<String, List<PolicyDocument>> identityPolicies = new LinkedHashMap<>();
  final List<GrantDefinition> grants = new ArrayList<>();
  final List<StsCall> stsCalls = new ArrayList<>();

  /** The identity that stands for "whoever the user attaches this policy to" in an account. */
  static String unattached(String account) {
    return "unattached:" + account;
  }

  void addIdentityPolicy(String identity, PolicyDocument document) {
    identityPolicies.computeIfAbsent(identity, i -> new ArrayList<>()).add(document);
  }

  public Map<String, PolicyDocument> keyPolicies() {
    return keyPolicies;
  }

  public Map<String, List<PolicyDocument>> identityPolicies() {
    return identityPolicies;
  }

  public List<GrantDefinition> grants() {
    return grants;
  }

  public List<StsCall> stsCalls() {
    return stsCalls;
  }

  /**
   * An {@code aws sts get-caller-identity} call of the CLI script.
   *
   * @param region the Region it is sent to, or null when it names none
   * @param origin the file and line
   */
  public record StsCall(String region, String origin) {}

  /** A copy whose lists can be changed without touching this one. */
  RenderedDocuments copy() {
    RenderedDocuments copy = new RenderedDocuments();
    copy.keyPolicies.putAll(keyPolicies);
    identityPolicies.forEach((id, docs) -> copy.identityPolicies.put(id, new ArrayList<>(docs)));
    copy.grants.addAll(grants);
    copy.stsCalls.addAll(stsCalls);
    return copy;
  }
}

package io.github.asgkms.access;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The grants of each key, in memory, so that a sequence can be replayed with real grant IDs:
 * create, list, retire, revoke. CreateGrant with a Name is idempotent: the same name, grantee,
 * operations and retiring principal on the same key give back the existing grant's ID (KMS API
 * Reference, CreateGrant, "Name"); anything else makes a new grant, whose ID is new.
 */
public final class GrantState {
  private final Map<String, List<Grant>> byKey = new LinkedHashMap<>();
  private int created;

  public GrantState copy() {
    GrantState copy = new GrantState();
    byKey.forEach((key, grants) -> copy.byKey.put(key, new ArrayList<>(grants)));
    copy.created = created;
    return copy;
  }

  /** Creates the grant, or returns the one that the same named request created before. */
  public Grant create(String keyArn, GrantRequest request, String origin) {
    List<Grant> grants = byKey.computeIfAbsent(keyArn, k -> new ArrayList<>());
    if (request.name() != null) {
      for (Grant grant : grants) {
        if (request.name().equals(grant.name()) && request.grantee().equals(grant.grantee())
            && new HashSet<>(request.operations()).equals(new HashSet<>(grant.operations()))
            && java.util.Objects.equals(request.retiringPrincipal(),
                grant.retiringPrincipal())) {
          return grant;
        }
      }
    }
    created++;
    String id = grantId(created);
    Grant grant = new Grant(id, keyArn, request.grantee(), request.operations(), request.name(),
        request.retiringPrincipal(), origin);
    grants.add(grant);
    return grant;
  }

  /**
   * 64 hexadecimal digits, as KMS grant IDs are; numbered, so every run gives the same IDs.
   * Written by hand: the probes and tables create a grant per key several times over.
   */
  static String grantId(int number) {
    char[] digits = new char[64];
    java.util.Arrays.fill(digits, '0');
    String hex = Integer.toHexString(number);
    hex.getChars(0, hex.length(), digits, digits.length - hex.length());
    return new String(digits);
  }

  public List<Grant> list(String keyArn) {
    return List.copyOf(byKey.getOrDefault(keyArn, List.of()));
  }

  public List<Grant> all() {
    List<Grant> all = new ArrayList<>();
    byKey.values().forEach(all::addAll);
    return all;
  }

  public Grant find(String keyArn, String grantId) {
    for (Grant grant : byKey.getOrDefault(keyArn, List.of())) {
      if (grant.id().equals(grantId)) {
        return grant;
      }
    }
    return null;
  }

  /** Deletes the grant; false when there was none. */
  public boolean delete(String keyArn, String grantId) {
    List<Grant> grants = byKey.get(keyArn);
    return grants != null && grants.removeIf(grant -> grant.id().equals(grantId));
  }
}

package io.github.asgkms.access;

import java.util.List;

/**
 * What CreateGrant asks for.
 *
 * @param grantee the grantee principal
 * @param operations the operations, in the order sent
 * @param name the grant's name, or null
 * @param retiringPrincipal the retiring principal, or null
 */
public record GrantRequest(String grantee, List<String> operations, String name,
    String retiringPrincipal) {
  public GrantRequest {
    operations = List.copyOf(operations);
  }

  public GrantRequest withName(String newName) {
    return new GrantRequest(grantee, operations, newName, retiringPrincipal);
  }
}

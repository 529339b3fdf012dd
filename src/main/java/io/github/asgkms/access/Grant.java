package io.github.asgkms.access;

import java.util.List;

/**
 * A grant as KMS holds it.
 *
 * @param id its grant ID
 * @param keyArn the key it is on
 * @param grantee the grantee principal
 * @param operations the operations it allows
 * @param name its name, or null
 * @param retiringPrincipal its retiring principal, or null
 * @param origin what created it, for messages: the call and the rendered file it came from
 */
public record Grant(String id, String keyArn, String grantee, List<String> operations,
    String name, String retiringPrincipal, String origin) {
  public Grant {
    operations = List.copyOf(operations);
  }

  /** How messages and ACCESS.md name it. */
  public String label() {
    return name != null ? "grant '" + name + "'" : "grant " + id;
  }
}

package io.github.asgkms.plan;

import java.util.List;

/**
 * A KMS grant for the service-linked role on a key in another account, created from the Auto
 * Scaling account.
 *
 * @param keyName the spec's name for the key
 * @param name the grant's name
 * @param keyArn the full key ARN, which CreateGrant needs for a key in another account
 * @param region the key's Region, where CreateGrant must be sent
 * @param granteePrincipal the service-linked role's ARN
 * @param operations the operations granted, in the order given
 * @param retiringPrincipal the principal that retires the grant: the grant creator, whose ARN
 *     is known before anything is deployed. A grant function's role, which the grant manager
 *     creates, is known only once deployed, so that manager names it instead
 */
public record GrantPlan(
    String keyName,
    String name,
    String keyArn,
    String region,
    String granteePrincipal,
    List<String> operations,
    String retiringPrincipal) {

  public GrantPlan {
    operations = List.copyOf(operations);
  }
}

package io.github.asgkms.plan;

import java.util.List;

/**
 * A KMS grant for a launcher's service-linked role on a key in another account, created from
 * the Auto Scaling account.
 *
 * @param keyName the key's plan name: the spec's name, or a replica's
 * @param name the grant's name
 * @param keyArn the full key ARN, which CreateGrant needs for a key in another account
 * @param region the key's Region, where CreateGrant must be sent
 * @param granteePrincipal the service-linked role's ARN
 * @param operations the operations granted, in the order given
 * @param retiringPrincipal the principal that retires the grant: the grant creator, whose ARN
 *     is known before anything is deployed. A grant function's role, which the grant manager
 *     creates, is known only once deployed, so that manager names it instead
 * @param creatorPolicyIndexes which of the account's {@link AccountPlan#createGrantPolicies}
 *     (by index, ascending) allow the grant creator's calls on this grant's key: those with a
 *     statement for kms:CreateGrant, kms:ListGrants or kms:RetireGrant whose resources hold
 *     the key ARN or "*". A tool that must order the grant after those policies, and keep them
 *     until the grant is gone, needs only these
 * @param launcher the id of the service-linked launcher whose role is the grantee
 */
public record GrantPlan(
    String keyName,
    String name,
    String keyArn,
    String region,
    String granteePrincipal,
    List<String> operations,
    String retiringPrincipal,
    List<Integer> creatorPolicyIndexes,
    String launcher) {

  public GrantPlan {
    operations = List.copyOf(operations);
    creatorPolicyIndexes = List.copyOf(creatorPolicyIndexes);
  }

  GrantPlan withCreatorPolicyIndexes(List<Integer> indexes) {
    return new GrantPlan(keyName, name, keyArn, region, granteePrincipal, operations,
        retiringPrincipal, indexes, launcher);
  }
}

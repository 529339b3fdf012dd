package io.github.asgkms.spec;

import io.github.asgkms.aws.GrantManager;
import io.github.asgkms.aws.Partition;
import java.util.List;
import java.util.Optional;

/**
 * A validated spec, version 1. Every value in it has passed its checks: nothing past this
 * stage sees a string that was not validated.
 *
 * @param partition the partition, given or taken from the key ARNs
 * @param autoScalingAccountId the account that owns the Auto Scaling groups
 * @param serviceLinkedRoleSuffix the custom suffix of the service-linked role, if any
 * @param grantOperations the default operations for grants
 * @param keys the keys, in spec order
 * @param grantCreatorRoleName the IAM role to attach the CreateGrant policy to, if any
 * @param createServiceLinkedRole whether to create the service-linked role
 * @param leastPrivilege whether cross-account CreateGrant is conditioned on the grantee and
 *     the operations
 * @param fullKeyPolicy whether key policies are complete, with the key account's root
 *     statement, rather than statements to merge
 * @param grantManager the one tool that creates, reads and deletes the grants
 */
public record Spec(
    Partition partition,
    String autoScalingAccountId,
    Optional<String> serviceLinkedRoleSuffix,
    List<String> grantOperations,
    List<KeySpec> keys,
    Optional<String> grantCreatorRoleName,
    boolean createServiceLinkedRole,
    boolean leastPrivilege,
    boolean fullKeyPolicy,
    GrantManager grantManager) {

  public Spec {
    keys = List.copyOf(keys);
    grantOperations = List.copyOf(grantOperations);
  }
}

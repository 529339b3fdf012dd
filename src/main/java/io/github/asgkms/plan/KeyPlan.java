package io.github.asgkms.plan;

import java.util.List;

/**
 * One key and the statements its key policy needs.
 *
 * @param name the spec's name for the key
 * @param arn the key ARN
 * @param accountId the account that owns the key
 * @param region the key's Region
 * @param crossAccount whether the key is outside the Auto Scaling account
 * @param statements the key-policy statements to merge into the key's policy, or with
 *     {@code completePolicy} the whole policy
 * @param completePolicy whether the statements are a complete key policy, which replaces the
 *     key's own, rather than statements to merge
 * @param replicaOf for a replica of a multi-Region key, the plan name of its primary key; null
 *     for a key of the spec. A replica is a key of its own, with its own ARN, Region and key
 *     policy, which AWS does not keep in step with the primary's
 */
public record KeyPlan(
    String name,
    String arn,
    String accountId,
    String region,
    boolean crossAccount,
    List<PolicyStatement> statements,
    boolean completePolicy,
    String replicaOf) {

  public KeyPlan {
    statements = List.copyOf(statements);
  }
}

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
 * @param statements the key-policy statements to merge into the key's policy
 */
public record KeyPlan(
    String name,
    String arn,
    String accountId,
    String region,
    boolean crossAccount,
    List<PolicyStatement> statements) {

  public KeyPlan {
    statements = List.copyOf(statements);
  }
}

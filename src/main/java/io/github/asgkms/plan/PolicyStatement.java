package io.github.asgkms.plan;

import java.util.List;

/**
 * One Allow statement of a key policy or an IAM policy.
 *
 * @param sid the statement ID
 * @param principals AWS principal ARNs; empty in an IAM identity policy
 * @param actions the actions, in the order the article gives them
 * @param resources the resources
 * @param conditions the conditions, if any
 */
public record PolicyStatement(
    String sid,
    List<String> principals,
    List<String> actions,
    List<String> resources,
    List<Condition> conditions) {

  public PolicyStatement {
    principals = List.copyOf(principals);
    actions = List.copyOf(actions);
    resources = List.copyOf(resources);
    conditions = List.copyOf(conditions);
  }

  /** Every statement this plugin writes allows; none denies. */
  public String effect() {
    return "Allow";
  }
}

package io.github.asgkms.access;

import java.util.ArrayList;
import java.util.List;

/**
 * One statement as read back from a rendered document.
 *
 * @param sid the Sid, or null
 * @param effect Allow or Deny
 * @param principals the AWS principals ({@code *} for anyone); empty in an identity policy
 * @param actions the actions, wildcards as written
 * @param resources the resources, wildcards as written
 * @param conditions the conditions, all of which must hold
 * @param unsupported elements the model does not evaluate (NotAction, a Service principal and
 *     the like): an Allow with any of them never matches, a Deny always does, and every one is
 *     reported
 */
public record Statement(
    String sid,
    Effect effect,
    List<String> principals,
    List<String> actions,
    List<String> resources,
    List<ConditionClause> conditions,
    List<String> unsupported) {

  public Statement {
    principals = List.copyOf(principals);
    actions = List.copyOf(actions);
    resources = List.copyOf(resources);
    conditions = List.copyOf(conditions);
    unsupported = List.copyOf(unsupported);
  }

  /** How messages name it: its Sid, or its place in the document. */
  public String label(int index) {
    return sid != null ? "'" + sid + "'" : "#" + (index + 1);
  }

  public Statement withActions(List<String> newActions) {
    return new Statement(sid, effect, principals, newActions, resources, conditions, unsupported);
  }

  public Statement withConditions(List<ConditionClause> newConditions) {
    return new Statement(sid, effect, principals, actions, resources, newConditions,
        unsupported);
  }

  /** The statement without the action at {@code index}. */
  public Statement withoutAction(int index) {
    List<String> left = new ArrayList<>(actions);
    left.remove(index);
    return withActions(left);
  }

  /** The statement without the condition at {@code index}. */
  public Statement withoutCondition(int index) {
    List<ConditionClause> left = new ArrayList<>(conditions);
    left.remove(index);
    return withConditions(left);
  }
}

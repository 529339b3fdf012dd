package io.github.asgkms.access;

import java.util.List;

/**
 * One condition of a statement: {@code "operator": {"key": values}}.
 *
 * @param operator the condition operator as written, such as {@code ForAllValues:StringEquals}
 * @param key the condition key as written, such as {@code kms:GrantOperations}
 * @param values the values, as strings ({@code true} for a JSON boolean)
 */
public record ConditionClause(String operator, String key, List<String> values) {
  public ConditionClause {
    values = List.copyOf(values);
  }

  @Override
  public String toString() {
    return operator + " " + key + " " + values;
  }
}

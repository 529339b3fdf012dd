package io.github.asgkms.plan;

import java.util.List;

/**
 * A policy condition: {@code "test": {"variable": values}}.
 *
 * @param test the condition operator, such as {@code Bool}
 * @param variable the condition key, such as {@code kms:GrantIsForAWSResource}
 * @param values the values, as strings
 */
public record Condition(String test, String variable, List<String> values) {
  public Condition {
    values = List.copyOf(values);
  }
}

package io.github.asgkms.access;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The condition operators the generated documents use, evaluated as IAM does (IAM User Guide,
 * "IAM JSON policy elements: Condition operators" and "Multivalued context keys"). Anything
 * else is not guessed at: it is {@link Result#UNSUPPORTED}, which the authorizer counts as not
 * matching in an Allow and matching in a Deny, and reports.
 */
final class Conditions {
  /** How one condition came out for a request. */
  enum Result {
    MATCH,
    NO_MATCH,
    UNSUPPORTED
  }

  private Conditions() {}

  static Result evaluate(ConditionClause clause, Map<String, List<String>> context) {
    if (!KmsRequest.isModelledKey(clause.key())) {
      return Result.UNSUPPORTED;
    }
    List<String> present = context.get(clause.key().toLowerCase(Locale.ROOT));
    String operator = clause.operator();
    boolean multivalued = KmsRequest.isMultivalued(clause.key());
    switch (operator) {
      case "Bool", "StringEquals", "StringLike" -> {
        if (multivalued) {
          return Result.UNSUPPORTED; // a single-valued operator on a set: IAM advises against
        }
        if (present == null || present.isEmpty()) {
          return Result.NO_MATCH;
        }
        String value = present.get(0);
        for (String wanted : clause.values()) {
          if (single(operator, wanted, value)) {
            return Result.MATCH;
          }
        }
        return Result.NO_MATCH;
      }
      case "ForAllValues:StringEquals" -> {
        // True when the key is absent or empty, as IAM has it: every one of no values matches.
        if (present == null) {
          return Result.MATCH;
        }
        for (String value : present) {
          if (!clause.values().contains(value)) {
            return Result.NO_MATCH;
          }
        }
        return Result.MATCH;
      }
      case "ForAnyValue:StringEquals" -> {
        if (present != null) {
          for (String value : present) {
            if (clause.values().contains(value)) {
              return Result.MATCH;
            }
          }
        }
        return Result.NO_MATCH;
      }
      default -> {
        return Result.UNSUPPORTED;
      }
    }
  }

  private static boolean single(String operator, String wanted, String value) {
    return switch (operator) {
      case "Bool" -> wanted.equalsIgnoreCase(value);
      case "StringEquals" -> wanted.equals(value);
      default -> Wildcards.matches(wanted, value);
    };
  }
}

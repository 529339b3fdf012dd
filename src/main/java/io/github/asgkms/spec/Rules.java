package io.github.asgkms.spec;

import static io.github.asgkms.text.Printable.quote;

import io.github.asgkms.aws.Partition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The checks that compare fields, beside the checks of each field's own value (its
 * {@link ValueType}). Each runs on whatever was read validly, so one run reports every
 * problem, and each error names the place and the path of the value at fault.
 */
final class Rules {
  /** A check of the spec's top level and what it holds. */
  interface Rule {
    void check(Values spec, Errors errors);
  }

  static final List<Rule> ALL = List.of(
      Rules::uniqueKeyNames,
      Rules::uniqueKeyArns,
      Rules::onePartition,
      Rules::grantSettingsOnlyOnCrossAccountKeys);

  private Rules() {}

  static void check(Values spec, Errors errors) {
    ALL.forEach(rule -> rule.check(spec, errors));
  }

  private static List<Values> keys(Values spec) {
    return spec.find(Spec.KEYS).orElse(List.of()).stream().map(KeySpec::values).toList();
  }

  static void uniqueKeyNames(Values spec, Errors errors) {
    unique(keys(spec), KeySpec.NAME, name -> name,
        (name, first) -> "duplicate key name " + quote(name) + " (also " + first + ")", errors);
  }

  static void uniqueKeyArns(Values spec, Errors errors) {
    unique(keys(spec), KeySpec.ARN, arn -> arn.arn(),
        (arn, first) -> "the same key ARN as " + first + "; list each key once", errors);
  }

  /** What a duplicate is told, given its value and the path of the first. */
  private interface Duplicate {
    String message(String value, SpecPath first);
  }

  private static <T> void unique(List<Values> items, Field<T> field, Function<T, String> text,
      Duplicate duplicate, Errors errors) {
    Map<String, SpecPath> first = new HashMap<>();
    for (Values item : items) {
      String value = text.apply(item.get(field));
      SpecPath earlier = first.putIfAbsent(value, item.path(field));
      if (earlier != null) {
        errors.add(item.valueMark(field), item.path(field), duplicate.message(value, earlier));
      }
    }
  }

  /** Every key ARN must be in one partition: the one given, or else the first key's. */
  static void onePartition(Values spec, Errors errors) {
    Partition effective = spec.find(Spec.PARTITION).orElse(null);
    SpecPath source = null;
    for (Values key : keys(spec)) {
      Partition partition = key.get(KeySpec.ARN).partition();
      if (effective == null) {
        effective = partition;
        source = key.path(KeySpec.ARN);
      } else if (partition != effective) {
        String other = source == null
            ? "the spec's partition is " + effective.id()
            : source + " is in " + effective.id();
        errors.add(key.valueMark(KeySpec.ARN), key.path(KeySpec.ARN), "the key is in partition "
            + partition.id() + ", but " + other + "; all keys must be in one partition");
      }
    }
  }

  /** Grant settings mean nothing for a key in the Auto Scaling account: it gets no grant. */
  static void grantSettingsOnlyOnCrossAccountKeys(Values spec, Errors errors) {
    spec.find(Spec.AUTO_SCALING_ACCOUNT_ID).ifPresent(asgAccount -> {
      for (Values key : keys(spec)) {
        if (!key.get(KeySpec.ARN).accountId().equals(asgAccount)) {
          continue;
        }
        for (Field<?> field : List.of(KeySpec.GRANT_NAME, KeySpec.GRANT_OPERATIONS)) {
          key.entry(field).ifPresent(e -> errors.add(e.keyMark(), key.path(field), field.name()
              + " is for keys in another account; this key is in the Auto Scaling account "
              + asgAccount + ", which gets key-policy statements and no grant"));
        }
      }
    });
  }
}

package io.github.asgkms.access;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A statement's actions and resources, split once into exact values, looked up by hash, and
 * wildcard patterns, matched one by one: an IAM statement can list a resource per key, and the
 * probes ask about every action on every key.
 */
final class StatementIndex {
  private final Set<String> exactActions = new HashSet<>();
  private final List<String> actionPatterns = new ArrayList<>();
  private final Set<String> exactResources = new HashSet<>();
  private final List<String> resourcePatterns = new ArrayList<>();

  StatementIndex(Statement statement) {
    for (String action : statement.actions()) {
      String lower = action.toLowerCase(Locale.ROOT);
      if (isPattern(lower)) {
        actionPatterns.add(lower);
      } else {
        exactActions.add(lower);
      }
    }
    for (String resource : statement.resources()) {
      if (isPattern(resource)) {
        resourcePatterns.add(resource);
      } else {
        exactResources.add(resource);
      }
    }
  }

  private static boolean isPattern(String value) {
    return value.indexOf('*') >= 0 || value.indexOf('?') >= 0;
  }

  /** @param lowerAction the action, lower-cased */
  boolean matchesAction(String lowerAction) {
    return matches(exactActions, actionPatterns, lowerAction);
  }

  boolean matchesResource(String resource) {
    return matches(exactResources, resourcePatterns, resource);
  }

  private static boolean matches(Set<String> exact, List<String> patterns, String value) {
    if (exact.contains(value)) {
      return true;
    }
    for (String pattern : patterns) {
      if (Wildcards.matches(pattern, value)) {
        return true;
      }
    }
    return false;
  }
}

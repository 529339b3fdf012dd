package io.github.asgkms.plan;

import java.util.List;

/**
 * The size IAM counts for a policy document: its characters, white space not counted. It is
 * measured on the most verbose form any format writes (every value in an array), so each
 * format's own rendering is at most this long.
 */
final class PolicySize {
  /** An IAM managed policy holds at most this many characters, white space not counted. */
  static final int MANAGED_POLICY_LIMIT = 6_144;
  /** {"Version":"2012-10-17","Statement":[]} */
  static final int DOCUMENT_OVERHEAD = "{\"Version\":\"2012-10-17\",\"Statement\":[]}".length();

  private PolicySize() {}

  static int of(List<PolicyStatement> statements) {
    int size = DOCUMENT_OVERHEAD + Math.max(0, statements.size() - 1); // commas between
    for (PolicyStatement statement : statements) {
      size += of(statement);
    }
    return size;
  }

  /** {"Sid":"..","Effect":"Allow","Principal":{"AWS":[..]},"Action":[..],"Resource":[..],..} */
  static int of(PolicyStatement s) {
    int size = 2 + field("Sid") + string(s.sid()) + 1 + field("Effect") + string(s.effect());
    if (!s.principals().isEmpty()) {
      size += 1 + field("Principal") + 2 + field("AWS") + array(s.principals());
    }
    size += 1 + field("Action") + array(s.actions());
    size += 1 + field("Resource") + array(s.resources());
    if (!s.conditions().isEmpty()) {
      size += 1 + field("Condition") + 2 + s.conditions().size() - 1;
      for (Condition c : s.conditions()) {
        size += field(c.test()) + 2 + field(c.variable()) + array(c.values());
      }
    }
    return size;
  }

  /** {@code "name":} */
  private static int field(String name) {
    return string(name) + 1;
  }

  private static int array(List<String> values) {
    int size = 2 + Math.max(0, values.size() - 1);
    for (String value : values) {
      size += string(value);
    }
    return size;
  }

  /** A JSON string without white space: IAM does not count the spaces in it either. */
  static int string(String value) {
    int size = 2;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!Character.isWhitespace(c)) {
        size += c == '"' || c == '\\' ? 2 : 1;
      }
    }
    return size;
  }
}

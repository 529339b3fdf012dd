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
  /**
   * A key policy holds at most 32 KB (KMS Developer Guide, "Quotas": key policy document
   * size, 32,768 bytes), white space counted.
   */
  static final int KEY_POLICY_LIMIT = 32_768;
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

  /**
   * The size in bytes of a policy of these statements as aws_iam_policy_document prints it,
   * indented by two spaces a level with every value in an array: the most white space any
   * format writes, since KMS counts white space. The statements of a policy to merge count as
   * a policy of their own; the key's own statements come on top.
   */
  static int pretty(List<PolicyStatement> statements) {
    StringBuilder out = new StringBuilder("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [");
    for (int i = 0; i < statements.size(); i++) {
      PolicyStatement s = statements.get(i);
      out.append(i == 0 ? "\n" : ",\n").append("    {\n");
      out.append("      \"Sid\": ").append(json(s.sid())).append(",\n");
      out.append("      \"Effect\": \"Allow\",\n");
      prettyArray(out, "Action", s.actions(), 6).append(",\n");
      prettyArray(out, "Resource", s.resources(), 6);
      if (!s.principals().isEmpty()) {
        out.append(",\n      \"Principal\": {\n");
        prettyArray(out, "AWS", s.principals(), 8).append("\n      }");
      }
      if (!s.conditions().isEmpty()) {
        out.append(",\n      \"Condition\": {");
        for (int c = 0; c < s.conditions().size(); c++) {
          Condition condition = s.conditions().get(c);
          out.append(c == 0 ? "\n" : ",\n").append("        ").append(json(condition.test()))
              .append(": {\n");
          prettyArray(out, condition.variable(), condition.values(), 10).append("\n        }");
        }
        out.append("\n      }");
      }
      out.append("\n    }");
    }
    out.append("\n  ]\n}");
    return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
  }

  private static StringBuilder prettyArray(StringBuilder out, String name, List<String> values,
      int indent) {
    String pad = " ".repeat(indent);
    out.append(pad).append(json(name)).append(": [");
    for (int i = 0; i < values.size(); i++) {
      out.append(i == 0 ? "\n" : ",\n").append(pad).append("  ").append(json(values.get(i)));
    }
    return out.append("\n").append(pad).append("]");
  }

  /** A JSON string, escaped as Go's encoder escapes it: quote, backslash, and HTML characters. */
  private static String json(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        // Only the size counts: six characters, as Go writes \u003c.
        case '<', '>', '&' -> out.append("\\u003c");
        default -> out.append(c < 0x20 ? "\\u001f" : String.valueOf(c));
      }
    }
    return out.append('"').toString();
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

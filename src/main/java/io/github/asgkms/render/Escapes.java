package io.github.asgkms.render;

/**
 * How a string value is written safely into each target syntax. The output formats apply these
 * to every interpolated value, so no value in a spec can change the syntax around it.
 */
public final class Escapes {
  private Escapes() {}

  /**
   * The body of an HCL quoted string. Besides quotes and backslashes, <code>${</code> and
   * <code>%{</code> are doubled, since HCL would otherwise read them as an interpolation or a
   * directive.
   */
  public static String hcl(String value) {
    return quoted(value, (text, i) -> {
      char c = text.charAt(i);
      boolean opensTemplate = i + 1 < text.length() && text.charAt(i + 1) == '{';
      return (c == '$' || c == '%') && opensTemplate ? "" + c + c : null;
    });
  }

  /** The body of a JSON string (RFC 8259). */
  public static String json(String value) {
    return quoted(value, (text, i) -> switch (text.charAt(i)) {
      case '\b' -> "\\b";
      case '\f' -> "\\f";
      default -> null;
    });
  }

  /**
   * The body of a YAML double-quoted scalar. YAML also breaks lines at NEL, LS and PS, so
   * those are escaped with the control characters.
   */
  public static String yaml(String value) {
    return quoted(value, (text, i) -> switch (text.charAt(i)) {
      case '\u0085', '\u2028', '\u2029', '\uFEFF' ->
          String.format("\\u%04X", (int) text.charAt(i));
      default -> null;
    });
  }

  /**
   * Text in a Markdown (CommonMark) table cell or line: each character Markdown could read as
   * syntax is backslash-escaped, a pipe too so that it cannot end the cell, and a line break
   * or other control character becomes a space, so that it cannot end the row.
   */
  public static String markdown(String value) {
    int first = 0;
    while (first < value.length() && !isMarkdownSpecial(value.charAt(first))) {
      first++;
    }
    if (first == value.length()) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length() + 16).append(value, 0, first);
    for (int i = first; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        out.append(' ');
      } else {
        if (c < MARKDOWN_SYNTAX.length && MARKDOWN_SYNTAX[c]) {
          out.append('\\');
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The ASCII characters Markdown could read as syntax, backslash-escaped in text. */
  private static final boolean[] MARKDOWN_SYNTAX = new boolean[128];

  static {
    for (char c : "\\`*_[]<>|#!~&".toCharArray()) {
      MARKDOWN_SYNTAX[c] = true;
    }
  }

  private static boolean isMarkdownSpecial(char c) {
    return c < MARKDOWN_SYNTAX.length ? MARKDOWN_SYNTAX[c] || c < 0x20 || c == 0x7F
        : Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
  }

  /** How one syntax escapes a character the three quoted syntaxes do not share, or null. */
  private interface Special {
    String escape(String text, int index);
  }

  /**
   * The escaping HCL, JSON and YAML double-quoted strings share: quote, backslash, the common
   * control characters by name and the rest as {@code \\uXXXX}, plus each syntax's own.
   */
  private static String quoted(String value, Special special) {
    int first = firstToEscape(value, special);
    if (first == value.length()) {
      return value; // names, ARNs, account IDs: nearly every value needs nothing
    }
    StringBuilder out = new StringBuilder(value.length() + 16).append(value, 0, first);
    for (int i = first; i < value.length(); i++) {
      String own = special.escape(value, i);
      if (own != null) {
        out.append(own);
        continue;
      }
      switch (value.charAt(i)) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> appendOrUnicodeEscape(out, value, i);
      }
    }
    return out.toString();
  }

  /**
   * The index of the first character that {@link #quoted} would not copy as it is, or the
   * length when there is none. Any surrogate counts, so that pairs are checked on the slow path.
   */
  private static int firstToEscape(String value, Special special) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7F || c == '"' || c == '\\' || Character.isSurrogate(c)
          || special.escape(value, i) != null) {
        return i;
      }
    }
    return value.length();
  }

  /**
   * One POSIX shell word. A value of only safe characters stays bare, as the article writes its
   * command; any other is single-quoted, where nothing but the quote itself is special.
   */
  public static String shell(String value) {
    if (!value.isEmpty() && isShellSafe(value)) {
      return value;
    }
    return "'" + value.replace("'", "'\\''") + "'";
  }

  private static boolean isShellSafe(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (!isShellSafe(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isShellSafe(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || "_@%+=:,./-".indexOf(c) >= 0;
  }

  /**
   * Control characters become {@code \\uXXXX}, which all three syntaxes read. A lone surrogate
   * cannot be written in UTF-8 at all, so it becomes U+FFFD; a pair passes through whole.
   */
  private static void appendOrUnicodeEscape(StringBuilder out, String value, int i) {
    char c = value.charAt(i);
    if (c < 0x20 || c == 0x7F) {
      out.append(String.format("\\u%04X", (int) c));
    } else if (Character.isHighSurrogate(c)) {
      boolean paired = i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
      out.append(paired ? c : '\uFFFD');
    } else if (Character.isLowSurrogate(c)) {
      boolean paired = i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
      out.append(paired ? c : '\uFFFD');
    } else {
      out.append(c);
    }
  }
}

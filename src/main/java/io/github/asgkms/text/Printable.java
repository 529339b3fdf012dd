package io.github.asgkms.text;

/** Shows user input in a one-line message so that nothing in it hides or fakes anything. */
public final class Printable {
  private Printable() {}

  /**
   * The text in single quotes, with every character outside printable ASCII as {@code \\uXXXX}:
   * a line break cannot split the message, and a Cyrillic "е" cannot pass for a Latin "e".
   */
  public static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('\'');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x7F) {
        out.append(c);
      } else {
        out.append(String.format("\\u%04X", (int) c));
      }
    }
    return out.append('\'').toString();
  }
}

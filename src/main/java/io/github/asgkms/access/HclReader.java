package io.github.asgkms.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the subset of HCL (HashiCorp's native syntax specification) that the Terraform
 * templates emit: blocks with labels, attributes, quoted strings with their escapes ({@code
 * \n}, {@code \"}, {@code \\u}, and {@code $${} and {@code %%{} for a literal {@code ${} and
 * {@code %{}), numbers, bools, null, tuples, objects, references, and {@code #}, {@code //}
 * and {@code /* *}{@code /} comments. Anything else (template interpolation, heredocs,
 * function calls, operators, for expressions) is an error naming file, line and column: the
 * model never skips what it cannot read.
 */
final class HclReader {
  private final String file;
  private final String text;
  private int pos;
  private int line = 1;
  /** Where the current line starts in the text: columns count from there. */
  private int lineStart;
  private Token token;
  /** Brackets and parentheses inside which line breaks mean nothing. */
  private int bracketDepth;

  private final HclNames names;

  private HclReader(String file, String text, HclNames names) {
    this.file = file;
    this.text = text;
    this.names = names;
  }

  static Hcl.Body read(String file, String text) throws DocumentException {
    return read(file, text, new HclNames());
  }

  /** Reads a file, sharing identifiers with the other files read with the same names. */
  static Hcl.Body read(String file, String text, HclNames names) throws DocumentException {
    HclReader reader = new HclReader(file, text, names);
    reader.advance();
    Hcl.Body body = reader.body(Kind.EOF);
    return body;
  }

  private enum Kind {
    IDENT, STRING, NUMBER, LBRACE, RBRACE, LBRACK, RBRACK, EQUALS, COLON, COMMA, DOT, NEWLINE,
    EOF
  }

  /** A token and where it starts; the location's text is made only for a message. */
  private record Token(Kind kind, String text, String file, int line, int column) {
    String where() {
      return file + ":" + line + ":" + column;
    }

    Hcl.At at() {
      return new Hcl.At(file, line, column);
    }
  }

  // ---- parser

  private Hcl.Body body(Kind end) throws DocumentException {
    Map<String, Hcl.Attribute> attributes = new LinkedHashMap<>();
    List<Hcl.Block> blocks = new ArrayList<>();
    while (true) {
      skipNewlines();
      if (token.kind() == end) {
        return new Hcl.Body(attributes, blocks);
      }
      Token name = expect(Kind.IDENT, "an attribute or block name");
      if (token.kind() == Kind.EQUALS) {
        advance();
        Hcl.Expr value = expression();
        if (attributes.put(name.text(), new Hcl.Attribute(name.text(), value, name.at()))
            != null) {
          throw error(name.where(), "attribute '" + name.text() + "' set twice");
        }
        endOfItem(end);
      } else {
        List<String> labels = new ArrayList<>();
        while (token.kind() == Kind.STRING || token.kind() == Kind.IDENT) {
          labels.add(token.text());
          advance();
        }
        expect(Kind.LBRACE, "{ to open block " + name.text());
        Hcl.Body inner = body(Kind.RBRACE);
        advance();
        blocks.add(new Hcl.Block(name.text(), labels, inner, name.at()));
        endOfItem(end);
      }
    }
  }

  /** An attribute or block ends its line, or the one-line block it is in. */
  private void endOfItem(Kind end) throws DocumentException {
    if (token.kind() == Kind.NEWLINE) {
      advance();
    } else if (token.kind() != end && token.kind() != Kind.EOF) {
      throw unexpected("a line break");
    }
  }

  private Hcl.Expr expression() throws DocumentException {
    Token start = token;
    Hcl.Expr value = switch (start.kind()) {
      case STRING -> {
        advance();
        yield new Hcl.Literal(start.text(), start.at());
      }
      case NUMBER -> {
        advance();
        yield new Hcl.Literal(new java.math.BigDecimal(start.text()), start.at());
      }
      case LBRACK -> tuple();
      case LBRACE -> object();
      case IDENT -> identifierExpression();
      default -> throw unexpected("a value");
    };
    if (token.kind() == Kind.DOT || token.kind() == Kind.LBRACK) {
      throw unexpected("the end of the value");
    }
    return value;
  }

  private Hcl.Expr identifierExpression() throws DocumentException {
    Token start = token;
    advance();
    switch (start.text()) {
      case "true", "false" -> {
        return new Hcl.Literal(Boolean.valueOf(start.text()), start.at());
      }
      case "null" -> {
        return new Hcl.Literal(null, start.at());
      }
      default -> {
        // A reference: name, then .attribute or [index] steps.
      }
    }
    List<String> path = new ArrayList<>(4);
    path.add(start.text());
    while (true) {
      if (token.kind() == Kind.DOT) {
        advance();
        path.add(expect(Kind.IDENT, "an attribute name after .").text());
      } else if (token.kind() == Kind.LBRACK && bracketDepth >= 0 && isIndexNext()) {
        advance();
        bracketDepth++;
        path.add(expect(Kind.NUMBER, "an index").text());
        expect(Kind.RBRACK, "]");
        bracketDepth--;
      } else {
        return new Hcl.Reference(path, start.at());
      }
    }
  }

  /** Whether the [ here opens an index (a digit follows), not a value list after a value. */
  private boolean isIndexNext() {
    int i = pos;
    while (i < text.length() && text.charAt(i) == ' ') {
      i++;
    }
    return i < text.length() && Character.isDigit(text.charAt(i));
  }

  private Hcl.Expr tuple() throws DocumentException {
    Hcl.At where = token.at();
    bracketDepth++;
    advance();
    List<Hcl.Expr> items = new ArrayList<>();
    while (token.kind() != Kind.RBRACK) {
      items.add(expression());
      if (token.kind() == Kind.COMMA) {
        advance();
      } else if (token.kind() != Kind.RBRACK) {
        throw unexpected(", or ]");
      }
    }
    bracketDepth--;
    advance();
    return new Hcl.Tuple(items, where);
  }

  private Hcl.Expr object() throws DocumentException {
    Hcl.At where = token.at();
    int outer = bracketDepth;
    bracketDepth = 0; // line breaks separate an object's items
    advance();
    Map<String, Hcl.Expr> entries = new LinkedHashMap<>();
    while (true) {
      skipNewlines();
      if (token.kind() == Kind.RBRACE) {
        break;
      }
      Token key = token;
      if (key.kind() != Kind.IDENT && key.kind() != Kind.STRING) {
        throw unexpected("an object key");
      }
      advance();
      if (token.kind() != Kind.EQUALS && token.kind() != Kind.COLON) {
        throw unexpected("= or : after an object key");
      }
      advance();
      if (entries.put(key.text(), expression()) != null) {
        throw error(key.where(), "object key '" + key.text() + "' set twice");
      }
      if (token.kind() == Kind.COMMA || token.kind() == Kind.NEWLINE) {
        advance();
      } else if (token.kind() != Kind.RBRACE) {
        throw unexpected(", a line break or }");
      }
    }
    bracketDepth = outer;
    advance();
    return new Hcl.ObjectValue(entries, where);
  }

  private void skipNewlines() throws DocumentException {
    while (token.kind() == Kind.NEWLINE) {
      advance();
    }
  }

  private Token expect(Kind kind, String what) throws DocumentException {
    if (token.kind() != kind) {
      throw unexpected(what);
    }
    Token t = token;
    advance();
    return t;
  }

  private DocumentException unexpected(String expected) {
    String found = switch (token.kind()) {
      case EOF -> "the end of the file";
      case NEWLINE -> "a line break";
      case STRING -> "a string";
      default -> "'" + token.text() + "'";
    };
    return error(token.where(), "expected " + expected + ", found " + found);
  }

  private DocumentException error(String where, String message) {
    return new DocumentException(where, message);
  }

  // ---- lexer
  //
  // The generated Terraform of thousands of keys is tens of megabytes, so the lexer walks the
  // text without per-character bookkeeping: the column is the distance from the start of the
  // line, and a location's text is made only for a message.

  private void advance() throws DocumentException {
    while (true) {
      skipBlanksAndComments();
      if (pos >= text.length()) {
        token = new Token(Kind.EOF, "", file, line, column());
        return;
      }
      char c = text.charAt(pos);
      if (c == '\n') {
        int atLine = line;
        int atColumn = column();
        newLine();
        if (bracketDepth > 0) {
          continue;
        }
        token = new Token(Kind.NEWLINE, "\n", file, atLine, atColumn);
        return;
      }
      token = lexToken(c);
      return;
    }
  }

  private Token lexToken(char c) throws DocumentException {
    int atLine = line;
    int atColumn = column();
    Kind single = switch (c) {
      case '{' -> Kind.LBRACE;
      case '}' -> Kind.RBRACE;
      case '[' -> Kind.LBRACK;
      case ']' -> Kind.RBRACK;
      case '=' -> Kind.EQUALS;
      case ':' -> Kind.COLON;
      case ',' -> Kind.COMMA;
      case '.' -> Kind.DOT;
      default -> null;
    };
    if (single != null) {
      if (c == '=' && peek(1) == '=') {
        throw error(where(), "operators are not read by the access model ('==')");
      }
      pos++;
      return new Token(single, PUNCTUATION[single.ordinal()], file, atLine, atColumn);
    }
    if (c == '"') {
      return new Token(Kind.STRING, quotedString(atLine, atColumn), file, atLine, atColumn);
    }
    if (isDigit(c)) {
      int start = pos;
      while (pos < text.length() && (isDigit(text.charAt(pos))
          || text.charAt(pos) == '.' && pos + 1 < text.length()
              && isDigit(text.charAt(pos + 1)))) {
        pos++;
      }
      return new Token(Kind.NUMBER, text.substring(start, pos), file, atLine, atColumn);
    }
    if (isLetter(c) || c == '_') {
      int start = pos;
      while (pos < text.length() && isIdentifierPart(text.charAt(pos))) {
        pos++;
      }
      String word = names.of(text, start, pos);
      if (pos < text.length() && text.charAt(pos) == '(') {
        throw error(file + ":" + atLine + ":" + atColumn, "function calls are not read by the"
            + " access model ('" + word + "(')");
      }
      return new Token(Kind.IDENT, word, file, atLine, atColumn);
    }
    String at = where();
    if (c == '<' && peek(1) == '<') {
      throw error(at, "heredoc strings are not read by the access model");
    }
    throw error(at, "'" + c + "' is not read by the access model: it reads literals,"
        + " lists, objects and references only");
  }

  /** Each one-character token's text, by kind. */
  private static final String[] PUNCTUATION = new String[Kind.values().length];

  static {
    PUNCTUATION[Kind.LBRACE.ordinal()] = "{";
    PUNCTUATION[Kind.RBRACE.ordinal()] = "}";
    PUNCTUATION[Kind.LBRACK.ordinal()] = "[";
    PUNCTUATION[Kind.RBRACK.ordinal()] = "]";
    PUNCTUATION[Kind.EQUALS.ordinal()] = "=";
    PUNCTUATION[Kind.COLON.ordinal()] = ":";
    PUNCTUATION[Kind.COMMA.ordinal()] = ",";
    PUNCTUATION[Kind.DOT.ordinal()] = ".";
  }

  // Character's tests, answered for ASCII without a table lookup.

  private static boolean isDigit(char c) {
    return c < 128 ? c >= '0' && c <= '9' : Character.isDigit(c);
  }

  private static boolean isLetter(char c) {
    return c < 128 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : Character.isLetter(c);
  }

  private static boolean isIdentifierPart(char c) {
    return c < 128 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' || c >= '0' && c <= '9' || c == '_'
        || c == '-' : Character.isLetterOrDigit(c);
  }

  /** The string that starts at the opening quote at the line and column given. */
  private String quotedString(int atLine, int atColumn) throws DocumentException {
    pos++; // the opening quote
    StringBuilder out = null;
    int run = pos;
    while (true) {
      if (pos >= text.length() || text.charAt(pos) == '\n') {
        throw error(file + ":" + atLine + ":" + atColumn,
            "a string that does not end on its line");
      }
      char c = text.charAt(pos);
      if (isPlain(c)) {
        pos++;
        continue;
      }
      if (c == '"' && out == null) {
        pos++;
        return text.substring(run, pos - 1); // a string without escapes, as most are
      }
      if (out == null) {
        out = new StringBuilder();
      }
      out.append(text, run, pos);
      if (c == '"') {
        pos++;
        return out.toString();
      }
      if (c == '\\') {
        out.append(escape());
      } else if ((c == '$' || c == '%') && peek(1) == c && peek(2) == '{') {
        out.append(c).append('{'); // $${ and %%{ stand for a literal ${ and %{
        pos += 3;
      } else if ((c == '$' || c == '%') && peek(1) == '{') {
        throw error(where(), "template interpolation (" + c + "{...}) is not read by the access"
            + " model; write $${ for a literal " + c + "{");
      } else {
        out.append(c); // a lone $ or %
        pos++;
      }
      run = pos;
    }
  }

  /** A character that stands for itself in a quoted string and ends no line. */
  private static boolean isPlain(char c) {
    return c != '"' && c != '\\' && c != '$' && c != '%' && c != '\n';
  }

  private String escape() throws DocumentException {
    int atLine = line;
    int atColumn = column();
    pos++;
    if (pos >= text.length()) {
      throw error(file + ":" + atLine + ":" + atColumn, "a backslash at the end of the file");
    }
    char c = text.charAt(pos++); // a line break here is an unknown escape
    return switch (c) {
      case 'n' -> "\n";
      case 'r' -> "\r";
      case 't' -> "\t";
      case '"' -> "\"";
      case '\\' -> "\\";
      case 'u' -> codePoint(4, file + ":" + atLine + ":" + atColumn);
      case 'U' -> codePoint(8, file + ":" + atLine + ":" + atColumn);
      default -> throw error(file + ":" + atLine + ":" + atColumn, "unknown escape \\" + c);
    };
  }

  private String codePoint(int digits, String at) throws DocumentException {
    if (pos + digits > text.length()) {
      throw error(at, "a \\u escape needs " + digits + " hexadecimal digits");
    }
    String hex = text.substring(pos, pos + digits);
    try {
      int value = Integer.parseUnsignedInt(hex, 16);
      String decoded = new String(Character.toChars(value));
      pos += digits;
      return decoded;
    } catch (IllegalArgumentException e) {
      throw error(at, "bad escape \\" + (digits == 4 ? "u" : "U") + hex);
    }
  }

  private void skipBlanksAndComments() throws DocumentException {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\r') {
        pos++;
      } else if (c == '#' || (c == '/' && peek(1) == '/')) {
        int end = text.indexOf('\n', pos);
        pos = end < 0 ? text.length() : end;
      } else if (c == '/' && peek(1) == '*') {
        String at = where();
        int end = text.indexOf("*/", pos + 2);
        if (end < 0) {
          throw error(at, "a comment that does not end");
        }
        for (int i = pos; i < end; i++) {
          if (text.charAt(i) == '\n') {
            line++;
            lineStart = i + 1;
          }
        }
        pos = end + 2;
      } else {
        return;
      }
    }
  }

  private char peek(int ahead) {
    return pos + ahead < text.length() ? text.charAt(pos + ahead) : '\0';
  }

  /** Steps over the line break at {@link #pos}. */
  private void newLine() {
    pos++;
    line++;
    lineStart = pos;
  }

  private int column() {
    return pos - lineStart + 1;
  }

  private String where() {
    return file + ":" + line + ":" + column();
  }
}

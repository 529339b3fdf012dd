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
  private int column = 1;
  private Token token;
  /** Brackets and parentheses inside which line breaks mean nothing. */
  private int bracketDepth;

  private HclReader(String file, String text) {
    this.file = file;
    this.text = text;
  }

  static Hcl.Body read(String file, String text) throws DocumentException {
    HclReader reader = new HclReader(file, text);
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
    List<String> path = new ArrayList<>(List.of(start.text()));
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

  private void advance() throws DocumentException {
    while (true) {
      skipBlanksAndComments();
      if (pos >= text.length()) {
        token = new Token(Kind.EOF, "", file, line, column);
        return;
      }
      char c = text.charAt(pos);
      if (c == '\n') {
        int atLine = line;
        int atColumn = column;
        step();
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
    int atColumn = column;
    String at = null;
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
      step();
      return new Token(single, String.valueOf(c), file, atLine, atColumn);
    }
    if (c == '"') {
      return new Token(Kind.STRING, quotedString(file + ":" + atLine + ":" + atColumn), file,
          atLine, atColumn);
    }
    if (Character.isDigit(c)) {
      int start = pos;
      while (pos < text.length() && (Character.isDigit(text.charAt(pos))
          || text.charAt(pos) == '.' && pos + 1 < text.length()
              && Character.isDigit(text.charAt(pos + 1)))) {
        step();
      }
      return new Token(Kind.NUMBER, text.substring(start, pos), file, atLine, atColumn);
    }
    if (Character.isLetter(c) || c == '_') {
      int start = pos;
      while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos))
          || text.charAt(pos) == '_' || text.charAt(pos) == '-')) {
        step();
      }
      String word = text.substring(start, pos);
      if (pos < text.length() && text.charAt(pos) == '(') {
        throw error(file + ":" + atLine + ":" + atColumn, "function calls are not read by the"
            + " access model ('" + word + "(')");
      }
      return new Token(Kind.IDENT, word, file, atLine, atColumn);
    }
    at = where();
    if (c == '<' && peek(1) == '<') {
      throw error(at, "heredoc strings are not read by the access model");
    }
    throw error(at, "'" + c + "' is not read by the access model: it reads literals,"
        + " lists, objects and references only");
  }

  private String quotedString(String at) throws DocumentException {
    step(); // the opening quote
    StringBuilder out = new StringBuilder();
    while (true) {
      if (pos >= text.length() || text.charAt(pos) == '\n') {
        throw error(at, "a string that does not end on its line");
      }
      char c = text.charAt(pos);
      if (c == '"') {
        step();
        return out.toString();
      }
      if (c == '\\') {
        out.append(escape());
      } else if ((c == '$' || c == '%') && peek(1) == c && peek(2) == '{') {
        out.append(c).append('{'); // $${ and %%{ stand for a literal ${ and %{
        step();
        step();
        step();
      } else if ((c == '$' || c == '%') && peek(1) == '{') {
        throw error(where(), "template interpolation (" + c + "{...}) is not read by the access"
            + " model; write $${ for a literal " + c + "{");
      } else {
        int run = pos;
        while (run < text.length() && isPlain(text.charAt(run))) {
          run++;
        }
        out.append(text, pos, Math.max(run, pos + 1));
        column += Math.max(run, pos + 1) - pos; // no line break in a run
        pos = Math.max(run, pos + 1);
      }
    }
  }

  /** A character that stands for itself in a quoted string and ends no line. */
  private static boolean isPlain(char c) {
    return c != '"' && c != '\\' && c != '$' && c != '%' && c != '\n';
  }

  private String escape() throws DocumentException {
    String at = where();
    step();
    if (pos >= text.length()) {
      throw error(at, "a backslash at the end of the file");
    }
    char c = text.charAt(pos);
    step();
    return switch (c) {
      case 'n' -> "\n";
      case 'r' -> "\r";
      case 't' -> "\t";
      case '"' -> "\"";
      case '\\' -> "\\";
      case 'u' -> codePoint(4, at);
      case 'U' -> codePoint(8, at);
      default -> throw error(at, "unknown escape \\" + c);
    };
  }

  private String codePoint(int digits, String at) throws DocumentException {
    if (pos + digits > text.length()) {
      throw error(at, "a \\u escape needs " + digits + " hexadecimal digits");
    }
    String hex = text.substring(pos, pos + digits);
    try {
      int value = Integer.parseUnsignedInt(hex, 16);
      for (int i = 0; i < digits; i++) {
        step();
      }
      return new String(Character.toChars(value));
    } catch (IllegalArgumentException e) {
      throw error(at, "bad escape \\" + (digits == 4 ? "u" : "U") + hex);
    }
  }

  private void skipBlanksAndComments() throws DocumentException {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\r') {
        step();
      } else if (c == '#' || (c == '/' && peek(1) == '/')) {
        while (pos < text.length() && text.charAt(pos) != '\n') {
          step();
        }
      } else if (c == '/' && peek(1) == '*') {
        String at = where();
        step();
        step();
        while (!(pos < text.length() && text.charAt(pos) == '*' && peek(1) == '/')) {
          if (pos >= text.length()) {
            throw error(at, "a comment that does not end");
          }
          step();
        }
        step();
        step();
      } else {
        return;
      }
    }
  }

  private char peek(int ahead) {
    return pos + ahead < text.length() ? text.charAt(pos + ahead) : '\0';
  }

  private void step() {
    if (text.charAt(pos) == '\n') {
      line++;
      column = 1;
    } else {
      column++;
    }
    pos++;
  }

  private String where() {
    return file + ":" + line + ":" + column;
  }
}

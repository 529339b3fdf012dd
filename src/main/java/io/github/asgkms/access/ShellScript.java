package io.github.asgkms.access;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the AWS CLI calls of {@code create-grants.sh}: each {@code aws ...} command, standing
 * alone or inside {@code $(...)}, split into words as a POSIX shell does for the forms the
 * template writes: plain words, single and double quotes, backslashes, line continuations,
 * and {@code $name} of a variable assigned a literal earlier in the script. Any other
 * expansion in an {@code aws} command is an error, as is a line that names a grant operation
 * outside a command the reader understands: it never guesses.
 */
final class ShellScript {
  private static final Pattern ASSIGNMENT =
      Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=([^$`;|&<>()\\s]*|'[^']*')");
  private static final Pattern AWS_COMMAND = Pattern.compile("(?:^|\\$\\()\\s*aws\\s");

  /** One {@code aws} command: its words after {@code aws}, and where it stands. */
  record Command(List<String> words, String where) {}

  private ShellScript() {}

  static List<Command> awsCommands(String file, String text) throws DocumentException {
    List<Command> commands = new ArrayList<>();
    Map<String, String> variables = new HashMap<>();
    String[] physical = text.split("\n", -1);
    for (int number = 1; number <= physical.length; number++) {
      String where = file + ":" + number;
      // A backslash at the end continues the line: the command is read whole, and named by
      // the line it starts on.
      StringBuilder joined = new StringBuilder(physical[number - 1]);
      while (joined.length() > 0 && joined.charAt(joined.length() - 1) == '\\'
          && number < physical.length) {
        joined.setLength(joined.length() - 1);
        joined.append(' ').append(physical[number++]);
      }
      String line = joined.toString();
      String stripped = line.strip();
      if (stripped.isEmpty() || stripped.startsWith("#")) {
        continue;
      }
      Matcher assignment = ASSIGNMENT.matcher(stripped);
      if (assignment.matches()) {
        variables.put(assignment.group(1), unquote(assignment.group(2)));
        continue;
      }
      Matcher aws = AWS_COMMAND.matcher(stripped);
      if (aws.find()) {
        int start = aws.end();
        int end = stripped.length();
        if (aws.group().startsWith("$(")) {
          end = stripped.indexOf(')', start);
          if (end < 0) {
            throw new DocumentException(where, "a $( without its )");
          }
        }
        commands.add(new Command(words(stripped.substring(start, end), variables, where),
            where));
      } else if (stripped.matches(".*\\b(create-grant|retire-grant|revoke-grant|list-grants)\\b.*")
          && !stripped.startsWith("printf ") && !stripped.startsWith("echo ")) {
        throw new DocumentException(where, "a grant operation outside an aws command the"
            + " access model reads");
      }
    }
    return commands;
  }

  private static String unquote(String value) {
    return value.startsWith("'") ? value.substring(1, value.length() - 1) : value;
  }

  /** The words of one command, quotes removed and known variables expanded. */
  static List<String> words(String command, Map<String, String> variables, String where)
      throws DocumentException {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    int i = 0;
    while (i < command.length()) {
      char c = command.charAt(i);
      if (c == ' ' || c == '\t') {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
        i++;
        continue;
      }
      if (word == null) {
        word = new StringBuilder();
      }
      if (c == '\'') {
        int close = command.indexOf('\'', i + 1);
        if (close < 0) {
          throw new DocumentException(where, "an unclosed single quote");
        }
        word.append(command, i + 1, close);
        i = close + 1;
      } else if (c == '"') {
        i = doubleQuoted(command, i + 1, word, variables, where);
      } else if (c == '\\' && i + 1 < command.length()) {
        word.append(command.charAt(i + 1));
        i += 2;
      } else if (c == '$') {
        i = variable(command, i, word, variables, where);
      } else if ("`;|&<>()*?[]{}~".indexOf(c) >= 0) {
        throw new DocumentException(where, "'" + c + "' in an aws command is not read by the"
            + " access model");
      } else {
        word.append(c);
        i++;
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    return words;
  }

  private static int doubleQuoted(String command, int i, StringBuilder word,
      Map<String, String> variables, String where) throws DocumentException {
    while (i < command.length()) {
      char c = command.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      if (c == '\\' && i + 1 < command.length() && "$`\"\\".indexOf(command.charAt(i + 1)) >= 0) {
        word.append(command.charAt(i + 1));
        i += 2;
      } else if (c == '$') {
        i = variable(command, i, word, variables, where);
      } else if (c == '`') {
        throw new DocumentException(where, "a command substitution in an aws command");
      } else {
        word.append(c);
        i++;
      }
    }
    throw new DocumentException(where, "an unclosed double quote");
  }

  private static int variable(String command, int i, StringBuilder word,
      Map<String, String> variables, String where) throws DocumentException {
    Matcher m = Pattern.compile("\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)}|([A-Za-z_][A-Za-z0-9_]*))")
        .matcher(command).region(i, command.length());
    if (!m.lookingAt()) {
      throw new DocumentException(where, "a $ expansion the access model does not read");
    }
    String name = m.group(1) != null ? m.group(1) : m.group(2);
    String value = variables.get(name);
    if (value == null) {
      throw new DocumentException(where, "$" + name + " is not a variable the script assigns"
          + " a literal to");
    }
    word.append(value);
    return m.end();
  }
}

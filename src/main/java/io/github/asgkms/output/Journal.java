package io.github.asgkms.output;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The list of operations of one change to the output directory, written into the staging
 * folder before the first of them is made. Its presence is the commit: a run that finds it
 * after a crash finishes the change (or, under {@code undo}, takes it back), and each
 * operation can be made again without harm.
 */
final class Journal {
  /** Journal 1 had no {@code mode} operation; a run recovers from either. */
  private static final String HEADER = "asg-kms journal 2";
  private static final String HEADER_1 = "asg-kms journal 1";

  private Journal() {}

  /** What an operation does. */
  enum Type {
    /** Creates a folder that was not there. */
    FOLDER("folder"),
    /** Moves a staged file into place, where there was nothing. */
    PUT("put"),
    /** Moves a staged file over the file it replaces, which is kept aside until the end. */
    REPLACE("replace"),
    /** Moves an owned file aside, to be deleted at the end. */
    DELETE("delete"),
    /** Sets the permission bits of a file whose bytes are right; undone by setting the old. */
    MODE("mode");

    final String word;

    Type(String word) {
      this.word = word;
    }
  }

  /**
   * One operation on a path relative to the output directory.
   *
   * @param mode for {@link Type#MODE}, the permission bits to set; else {@link Modes#UNKNOWN}
   * @param oldMode for {@link Type#MODE}, the bits to set back on undo
   */
  record Op(Type type, String path, int mode, int oldMode) {
    Op(Type type, String path) {
      this(type, path, Modes.UNKNOWN, Modes.UNKNOWN);
    }
  }

  static byte[] write(List<Op> ops) {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    for (Op op : ops) {
      text.append(op.type().word).append(' ');
      if (op.type() == Type.MODE) {
        text.append(Modes.octal(op.mode())).append(' ').append(Modes.octal(op.oldMode()))
            .append(' ');
      }
      text.append(op.path()).append('\n');
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The operations; null when the bytes are not a journal this plugin wrote. */
  static List<Op> read(byte[] bytes) {
    String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
    if (lines.length < 2 || !(lines[0].equals(HEADER) || lines[0].equals(HEADER_1))
        || !lines[lines.length - 1].isEmpty()) {
      return null;
    }
    List<Op> ops = new ArrayList<>();
    for (int i = 1; i < lines.length - 1; i++) {
      Op op = op(lines[i]);
      if (op == null) {
        return null;
      }
      ops.add(op);
    }
    return ops;
  }

  private static Op op(String line) {
    int space = line.indexOf(' ');
    if (space < 0) {
      return null;
    }
    String word = line.substring(0, space);
    String rest = line.substring(space + 1);
    if (word.equals(Type.MODE.word)) {
      String[] parts = rest.split(" ", 3);
      int mode = parts.length == 3 ? mode(parts[0]) : Modes.UNKNOWN;
      int oldMode = parts.length == 3 ? mode(parts[1]) : Modes.UNKNOWN;
      return mode == Modes.UNKNOWN || oldMode == Modes.UNKNOWN || !isPath(parts[2]) ? null
          : new Op(Type.MODE, parts[2], mode, oldMode);
    }
    if (!isPath(rest)) {
      return null;
    }
    for (Type type : Type.values()) {
      if (type.word.equals(word)) {
        return new Op(type, rest);
      }
    }
    return null;
  }

  private static boolean isPath(String path) {
    return path.equals(Manifest.FILE_NAME) || OutputPaths.problem(path) == null;
  }

  /** Up to three octal digits; {@link Modes#UNKNOWN} when the text is not that. */
  private static int mode(String digits) {
    if (digits.isEmpty() || digits.length() > 3) {
      return Modes.UNKNOWN;
    }
    int mode = 0;
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '7') {
        return Modes.UNKNOWN;
      }
      mode = mode * 8 + (c - '0');
    }
    return mode;
  }
}

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
  private static final String HEADER = "asg-kms journal 1";

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
    DELETE("delete");

    final String word;

    Type(String word) {
      this.word = word;
    }
  }

  /** One operation on a path relative to the output directory. */
  record Op(Type type, String path) {}

  static byte[] write(List<Op> ops) {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    for (Op op : ops) {
      text.append(op.type().word).append(' ').append(op.path()).append('\n');
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The operations; null when the bytes are not a journal this plugin wrote. */
  static List<Op> read(byte[] bytes) {
    String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
    if (lines.length < 2 || !lines[0].equals(HEADER) || !lines[lines.length - 1].isEmpty()) {
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
    String path = line.substring(space + 1);
    if (!path.equals(Manifest.FILE_NAME) && OutputPaths.problem(path) != null) {
      return null;
    }
    String word = line.substring(0, space);
    for (Type type : Type.values()) {
      if (type.word.equals(word)) {
        return new Op(type, path);
      }
    }
    return null;
  }
}

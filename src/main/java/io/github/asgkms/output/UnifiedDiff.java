package io.github.asgkms.output;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two small texts, cut to its first lines: enough to show a reviewer what a
 * hand edit changed, not a patch tool.
 */
public final class UnifiedDiff {
  static final int CONTEXT = 3;
  static final int MAX_LINES = 40;
  /** Past this many line pairs the LCS table is too big; say only where they start to differ. */
  private static final long MAX_CELLS = 4_000_000L;

  private UnifiedDiff() {}

  public static String of(String before, String after, String beforeName, String afterName) {
    List<String> a = lines(before);
    List<String> b = lines(after);
    StringBuilder out = new StringBuilder()
        .append("--- ").append(beforeName).append('\n')
        .append("+++ ").append(afterName).append('\n');
    if ((long) a.size() * b.size() > MAX_CELLS) {
      int first = 0;
      while (first < a.size() && first < b.size() && a.get(first).equals(b.get(first))) {
        first++;
      }
      return out.append("@@ the files differ from line ").append(first + 1).append(" @@\n")
          .toString();
    }
    List<Edit> edits = edits(a, b);
    appendHunks(out, edits);
    return out.toString();
  }

  private record Edit(char op, String line, int aLine, int bLine) {}

  /** The edit script from a longest common subsequence. */
  private static List<Edit> edits(List<String> a, List<String> b) {
    int[][] lcs = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1
            : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<Edit> edits = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        edits.add(new Edit(' ', a.get(i), i++, j++));
      } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
        edits.add(new Edit('-', a.get(i), i++, j)); // removals first, as diff -u shows them
      } else {
        edits.add(new Edit('+', b.get(j), i, j++));
      }
    }
    return edits;
  }

  private static void appendHunks(StringBuilder out, List<Edit> edits) {
    int written = 0;
    int index = 0;
    while (index < edits.size()) {
      int change = index;
      while (change < edits.size() && edits.get(change).op() == ' ') {
        change++;
      }
      if (change == edits.size()) {
        return;
      }
      int start = Math.max(index, change - CONTEXT);
      int end = change;
      int quiet = 0;
      while (end < edits.size() && quiet <= 2 * CONTEXT) {
        quiet = edits.get(end).op() == ' ' ? quiet + 1 : 0;
        end++;
      }
      end = Math.min(edits.size(), end - Math.max(0, quiet - CONTEXT));
      Edit first = edits.get(start);
      long aCount = edits.subList(start, end).stream().filter(e -> e.op() != '+').count();
      long bCount = edits.subList(start, end).stream().filter(e -> e.op() != '-').count();
      out.append("@@ -").append(first.aLine() + 1).append(',').append(aCount)
          .append(" +").append(first.bLine() + 1).append(',').append(bCount).append(" @@\n");
      for (int k = start; k < end; k++) {
        if (written++ == MAX_LINES) {
          out.append("... (diff cut after ").append(MAX_LINES).append(" lines)\n");
          return;
        }
        out.append(edits.get(k).op()).append(edits.get(k).line()).append('\n');
      }
      index = end;
    }
  }

  private static List<String> lines(String text) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }
}

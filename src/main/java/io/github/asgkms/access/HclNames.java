package io.github.asgkms.access;

/**
 * The identifiers read from a folder's HCL files, each kept once: a few dozen words (block
 * types, argument names, the resource names that every grant's depends_on lists) make up most
 * of the tokens of thousands of files, and a copy of each would be held by every reference.
 */
final class HclNames {
  private String[] table = new String[1024];
  private int size;

  /** The characters of {@code text} from {@code start} to {@code end}, as a shared string. */
  String of(String text, int start, int end) {
    int hash = 0;
    for (int i = start; i < end; i++) {
      hash = 31 * hash + text.charAt(i);
    }
    int mask = table.length - 1;
    int length = end - start;
    for (int slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
      String name = table[slot];
      if (name == null) {
        name = text.substring(start, end);
        table[slot] = name;
        if (++size * 2 > table.length) {
          grow();
        }
        return name;
      }
      if (name.length() == length && text.regionMatches(start, name, 0, length)) {
        return name;
      }
    }
  }

  private static int mix(int hash) {
    return hash ^ (hash >>> 16);
  }

  private void grow() {
    String[] old = table;
    table = new String[old.length * 2];
    int mask = table.length - 1;
    for (String name : old) {
      if (name != null) {
        int slot = mix(name.hashCode()) & mask;
        while (table[slot] != null) {
          slot = (slot + 1) & mask;
        }
        table[slot] = name;
      }
    }
  }
}

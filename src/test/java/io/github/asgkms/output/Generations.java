package io.github.asgkms.output;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Two generations of synthetic output that differ in every way a sync can: B changes half of
 * A's files, keeps the rest, drops a folder of A's and adds a folder of its own. And files of
 * the user's beside them, which must survive everything.
 */
final class Generations {
  static final Map<String, String> USER_FILES = Map.of(
      "x/d0/mine.txt", "the user's own file\n",
      "notes/todo.md", "# the user's notes\n");

  private Generations() {}

  static List<GeneratedFile> a(int folders, int perFolder) {
    return generation('A', folders, perFolder);
  }

  static List<GeneratedFile> b(int folders, int perFolder) {
    return generation('B', folders, perFolder);
  }

  private static List<GeneratedFile> generation(char name, int folders, int perFolder) {
    List<GeneratedFile> files = new ArrayList<>();
    for (int d = 0; d < folders; d++) {
      for (int f = 0; f < perFolder; f++) {
        char version = name == 'B' && f % 2 == 0 ? 'B' : 'A';
        files.add(file("x/d" + d + "/f" + f + ".tf", "file " + f + " of " + version + "\n"));
      }
      files.add(file("only-" + Character.toLowerCase(name) + "/d" + d + "/g.tf",
          "only in " + name + "\n"));
    }
    files.sort((x, y) -> x.path().compareTo(y.path()));
    return files;
  }

  static GeneratedFile file(String path, String text) {
    return new GeneratedFile(path, text.getBytes(StandardCharsets.UTF_8));
  }

  static void writeUserFiles(Path root) throws Exception {
    for (Map.Entry<String, String> user : new TreeMap<>(USER_FILES).entrySet()) {
      Path file = root.resolve(user.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, user.getValue());
    }
  }
}

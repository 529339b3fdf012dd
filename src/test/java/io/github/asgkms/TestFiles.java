package io.github.asgkms;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** File helpers for tests. */
public final class TestFiles {
  private TestFiles() {}

  /** Every regular file under {@code root}, by {@code /}-separated relative path. */
  public static Map<String, String> readTree(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    if (!Files.isDirectory(root)) {
      return files;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        String relative = root.relativize(path).toString().replace('\\', '/');
        files.put(relative, Files.readString(path, StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  /** Copies the regular files under {@code source} to the same paths under {@code target}. */
  public static void copyTree(Path source, Path target) throws IOException {
    for (Map.Entry<String, String> file : readTree(source).entrySet()) {
      Path copy = target.resolve(file.getKey());
      Files.createDirectories(copy.getParent());
      Files.writeString(copy, file.getValue(), StandardCharsets.UTF_8);
    }
  }

  public static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}

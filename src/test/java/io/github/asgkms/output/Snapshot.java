package io.github.asgkms.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything under a folder, exactly, without following a link: each file's bytes, each link's
 * target, each folder (empty ones too). Two snapshots are equal when the trees are the same
 * byte for byte.
 */
final class Snapshot {
  private Snapshot() {}

  static Map<String, String> of(Path root) throws IOException {
    Map<String, String> entries = new TreeMap<>();
    if (!Files.exists(root)) {
      return entries;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        if (!dir.equals(root)) {
          entries.put(relative(root, dir) + "/", "folder");
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        String value;
        if (attrs.isSymbolicLink()) {
          value = "link to " + Files.readSymbolicLink(file);
        } else if (attrs.isRegularFile()) {
          value = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } else {
          value = "special";
        }
        entries.put(relative(root, file), value);
        return FileVisitResult.CONTINUE;
      }
    });
    return entries;
  }

  /** The snapshot without the plugin's lock and staging folder. */
  static Map<String, String> withoutBookkeeping(Map<String, String> snapshot) {
    Map<String, String> kept = new TreeMap<>(snapshot);
    kept.keySet().removeIf(path -> path.startsWith(Transaction.FOLDER + "/")
        || path.equals(DirectoryLock.FILE_NAME));
    return kept;
  }

  /** The snapshot's files and links, without its folders. */
  static Map<String, String> filesOnly(Map<String, String> snapshot) {
    Map<String, String> kept = new TreeMap<>(snapshot);
    kept.keySet().removeIf(path -> path.endsWith("/"));
    return kept;
  }

  /** The expected tree after a sync of {@code files} over {@code userFiles}. */
  static Map<String, String> expected(List<GeneratedFile> files, Map<String, String> userFiles,
      String owner) {
    Map<String, String> entries = new TreeMap<>(userFiles);
    List<GeneratedFile> all = new ArrayList<>(files);
    all.add(Manifest.of(files, owner).toFile());
    for (GeneratedFile file : all) {
      entries.put(file.path(), new String(file.content(), StandardCharsets.ISO_8859_1));
      String path = file.path();
      for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
        entries.put(path.substring(0, slash + 1), "folder");
      }
    }
    for (String path : userFiles.keySet()) {
      for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
        entries.put(path.substring(0, slash + 1), "folder");
      }
    }
    return entries;
  }

  private static String relative(Path root, Path path) {
    return root.relativize(path).toString().replace('\\', '/');
  }
}

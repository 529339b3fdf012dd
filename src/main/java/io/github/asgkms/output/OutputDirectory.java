package io.github.asgkms.output;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * An output directory and the files the plugin owns in it. {@link #sync} brings it in line
 * with a set of generated files: it writes only the files whose bytes changed, each
 * atomically, and deletes the files it wrote before and no longer generates. {@link #compare}
 * reports the same differences and writes nothing. Neither ever touches a file the plugin did
 * not write.
 */
public final class OutputDirectory {
  private final Path root;

  public OutputDirectory(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  public SyncResult sync(List<GeneratedFile> files) throws IOException {
    return sync(files, Manifest.of(files).toFile());
  }

  /**
   * Syncs with the manifest of {@code files} already made, for a caller that needs it too:
   * it hashes every file, which at thousands of files is worth doing once.
   */
  public SyncResult sync(List<GeneratedFile> files, GeneratedFile manifest) throws IOException {
    Files.createDirectories(root);
    Manifest previous = Manifest.read(root);
    Set<String> generated = new TreeSet<>();
    List<String> written = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    for (GeneratedFile file : files) {
      generated.add(file.path());
      if (writeIfChanged(file)) {
        written.add(file.path());
      } else {
        unchanged.add(file.path());
      }
    }
    List<String> deleted = new ArrayList<>();
    for (String stale : previous.hashesByPath().keySet()) {
      if (!generated.contains(stale) && deleteOwned(stale)) {
        deleted.add(stale);
      }
    }
    writeIfChanged(manifest);
    return new SyncResult(written, unchanged, deleted);
  }

  /**
   * How the directory differs from {@code files} and their manifest: changed and missing
   * files, and stale files the plugin owns. Reads only.
   */
  public List<Difference> compare(List<GeneratedFile> files) throws IOException {
    List<Difference> differences = new ArrayList<>();
    Set<String> generated = new TreeSet<>();
    List<GeneratedFile> expected = new ArrayList<>(files);
    expected.add(Manifest.of(files).toFile());
    for (GeneratedFile file : expected) {
      generated.add(file.path());
      Path target = OutputPaths.resolve(root, file.path());
      if (!Files.isRegularFile(target)) {
        differences.add(Difference.missing(file));
      } else {
        byte[] actual = Files.readAllBytes(target);
        if (!Arrays.equals(actual, file.content())) {
          differences.add(Difference.changed(file, actual));
        }
      }
    }
    for (String owned : Manifest.read(root).hashesByPath().keySet()) {
      Path target = resolveOwned(owned);
      if (!generated.contains(owned) && target != null && Files.isRegularFile(target)) {
        differences.add(Difference.stale(owned));
      }
    }
    differences.sort(null);
    return differences;
  }

  private boolean writeIfChanged(GeneratedFile file) throws IOException {
    Path target = OutputPaths.resolve(root, file.path());
    if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), file.content())) {
      return false;
    }
    writeAtomically(target, file.content());
    return true;
  }

  /** A manifest path, or null when it is one we would never have written. */
  Path resolveOwned(String relativePath) {
    try {
      return OutputPaths.resolve(root, relativePath);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Deletes a stale owned file and the folders it leaves empty; false if it was gone. */
  private boolean deleteOwned(String relativePath) throws IOException {
    Path target = resolveOwned(relativePath);
    if (target == null || !Files.isRegularFile(target)) {
      return false;
    }
    Files.delete(target);
    for (Path dir = target.getParent(); dir != null && !dir.equals(root); dir = dir.getParent()) {
      try {
        Files.delete(dir);
      } catch (DirectoryNotEmptyException e) {
        break;
      }
    }
    return true;
  }

  /** A temp file in the same folder, then a move: readers never see half a file. */
  static void writeAtomically(Path target, byte[] content) throws IOException {
    Path dir = target.getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    try {
      Files.write(temp, content);
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * What a sync did, by relative path.
   *
   * @param written files created or changed
   * @param unchanged files whose bytes were already right, left untouched
   * @param deleted stale files of an earlier run, removed
   */
  public record SyncResult(List<String> written, List<String> unchanged, List<String> deleted) {}
}

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
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Brings an output directory in line with a set of generated files: writes only the files
 * whose bytes changed, each atomically; deletes the files it wrote before and no longer
 * generates; never touches a file it did not write.
 */
public final class OutputDirectory {
  private final Path root;

  public OutputDirectory(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public SyncResult sync(List<GeneratedFile> files) throws IOException {
    Files.createDirectories(root);
    SortedSet<String> previouslyOwned = Manifest.read(root);
    Set<String> generated = new TreeSet<>();
    List<String> written = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    for (GeneratedFile file : files) {
      generated.add(file.path());
      Path target = OutputPaths.resolve(root, file.path());
      if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), file.content())) {
        unchanged.add(file.path());
      } else {
        writeAtomically(target, file.content());
        written.add(file.path());
      }
    }
    List<String> deleted = new ArrayList<>();
    for (String stale : previouslyOwned) {
      if (!generated.contains(stale) && deleteOwned(stale)) {
        deleted.add(stale);
      }
    }
    byte[] manifest = Manifest.render(generated);
    Path manifestPath = root.resolve(Manifest.FILE_NAME);
    if (!Files.isRegularFile(manifestPath)
        || !Arrays.equals(Files.readAllBytes(manifestPath), manifest)) {
      writeAtomically(manifestPath, manifest);
    }
    return new SyncResult(written, unchanged, deleted);
  }

  /** Deletes a stale owned file and the folders it leaves empty; false if it was gone. */
  private boolean deleteOwned(String relativePath) throws IOException {
    Path target;
    try {
      target = OutputPaths.resolve(root, relativePath);
    } catch (IllegalArgumentException e) {
      return false; // a manifest line we would never have written: leave it alone
    }
    if (!Files.isRegularFile(target)) {
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

package io.github.asgkms.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * An output directory and the files the plugin owns in it. {@link #sync} brings it in line
 * with a set of generated files as one transaction: under a lock, it finishes or undoes what
 * an interrupted run left, decides the whole change first ({@link SyncPlan}), refuses it if
 * anything in the way is not provably the plugin's ({@link OutputConflictException}), and
 * then makes it so that the directory is always the old generation or the new one
 * ({@link Transaction}). {@link #compare} reports the same plan as differences and writes
 * nothing. No read, write or delete follows a symbolic link inside the directory.
 */
public final class OutputDirectory {
  private final Path root;
  private final WriteOptions options;
  private final Disk disk;

  public OutputDirectory(Path root) {
    this(root, WriteOptions.defaults());
  }

  public OutputDirectory(Path root, WriteOptions options) {
    this(root, options, new Disk());
  }

  /** With a disk that fails or crashes where a test wants it to. */
  OutputDirectory(Path root, WriteOptions options, Disk disk) {
    this.root = root.toAbsolutePath().normalize();
    this.options = options;
    this.disk = disk;
  }

  public Path root() {
    return root;
  }

  public SyncResult sync(List<GeneratedFile> files) throws IOException {
    return sync(files, Manifest.of(files, options.owner()).toFile());
  }

  /**
   * Syncs with the manifest of {@code files} already made, for a caller that needs it too:
   * it hashes every file, which at thousands of files is worth doing once.
   *
   * @throws OutputConflictException when a file in the way is not provably the plugin's;
   *     nothing was written then
   */
  public SyncResult sync(List<GeneratedFile> files, GeneratedFile manifest) throws IOException {
    refuseUnsafeRoot();
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw FileOperationException.of("create the output directory", root, e);
    }
    try (DirectoryLock lock = DirectoryLock.acquire(root, options.lockWait(),
        options.notices())) {
      Transaction transaction = new Transaction(root, disk);
      String recovered = transaction.recover();
      if (recovered != null) {
        options.notices().notice(root + ": " + recovered);
      }
      SyncPlan plan = SyncPlan.make(new Tree(root), files, manifest, Manifest.load(root),
          options, false);
      List<Conflict> blocking = plan.blocking();
      if (!blocking.isEmpty()) {
        throw new OutputConflictException(root, blocking);
      }
      if (!plan.changesNothing()) {
        transaction.commit(plan);
      }
      for (String path : plan.replaced) {
        options.notices().notice("replaced " + path + " with the generated version (force)");
      }
      for (String path : plan.kept) {
        options.notices().notice("kept " + path + ", no longer generated and not the"
            + " plugin's to delete (force); it is no longer tracked");
      }
      List<String> written = new ArrayList<>();
      for (SyncPlan.Put put : plan.puts) {
        written.add(put.path());
      }
      return new SyncResult(written, plan.unchanged, plan.deletes, plan.kept);
    }
  }

  /**
   * Finishes or undoes what an interrupted run left, under the lock, and nothing else.
   *
   * @return what was done, or null when nothing was left
   */
  public String recover() throws IOException {
    refuseUnsafeRoot();
    if (!Files.isDirectory(root)) {
      return null;
    }
    try (DirectoryLock lock = DirectoryLock.acquire(root, options.lockWait(),
        options.notices())) {
      return new Transaction(root, disk).recover();
    }
  }

  /**
   * How the directory differs from {@code files} and their manifest: every file that
   * {@link #sync} would write, delete or refuse, and what an interrupted run left. Reads
   * only, and no more than it must: a file is never read through a link, nor at all when it
   * is not a regular file.
   */
  public List<Difference> compare(List<GeneratedFile> files) throws IOException {
    refuseUnsafeRoot();
    GeneratedFile manifest = Manifest.of(files, options.owner()).toFile();
    SyncPlan plan = SyncPlan.make(new Tree(root), files, manifest, Manifest.load(root),
        options, true);
    List<Difference> differences = new ArrayList<>(plan.differences);
    if (Transaction.leftOver(root)) {
      differences.add(Difference.of(Transaction.FOLDER, Difference.Kind.LEFTOVER));
      differences.sort(null);
    }
    return differences;
  }

  /** Whether an interrupted run left work here that the next sync must finish. */
  public boolean hasLeftovers() throws IOException {
    return Transaction.leftOver(root) || DirectoryLock.leftOver(root);
  }

  /**
   * The root of a file system or the user's home holds far more than generated files: the
   * plugin refuses to manage either, whatever a manifest there says.
   */
  private void refuseUnsafeRoot() throws IOException {
    if (root.getParent() == null) {
      throw new IOException("the output directory " + root + " is the root of a file system;"
          + " give the plugin a folder of its own");
    }
    String home = System.getProperty("user.home");
    if (home != null && !home.isEmpty() && Files.isDirectory(root)
        && Files.isSameFile(root, Path.of(home))) {
      throw new IOException("the output directory " + root + " is your home folder; give the"
          + " plugin a folder of its own");
    }
  }

  /**
   * A temp file in the same folder, then a rename: readers never see half a file, and a link
   * at {@code target} is replaced, not followed.
   */
  static void writeAtomically(Path target, byte[] content) throws IOException {
    Path dir = target.getParent();
    Path temp = null;
    try {
      Files.createDirectories(dir);
      temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
      Files.write(temp, content);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw FileOperationException.of("write", target, e);
    } finally {
      if (temp != null) {
        Files.deleteIfExists(temp);
      }
    }
  }

  /**
   * What a sync did, by relative path.
   *
   * @param written files created or changed
   * @param unchanged files whose bytes were already right, left untouched
   * @param deleted stale files of an earlier run, removed
   * @param kept files no longer generated that were not provably the plugin's, kept on force
   */
  public record SyncResult(List<String> written, List<String> unchanged, List<String> deleted,
      List<String> kept) {

    public SyncResult(List<String> written, List<String> unchanged, List<String> deleted) {
      this(written, unchanged, deleted, List.of());
    }
  }
}

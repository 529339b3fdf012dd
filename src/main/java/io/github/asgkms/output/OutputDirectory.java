package io.github.asgkms.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
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
  private static final SecureRandom RANDOM = new SecureRandom();
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
    return sync(files, options.manifestOf(files));
  }

  /**
   * Syncs with the manifest of {@code files} already made, for a caller that needs it too:
   * it hashes every file, which at thousands of files is worth doing once.
   *
   * @throws OutputConflictException when a file in the way is not provably the plugin's;
   *     nothing was written then
   * @throws OtherConfigurationException when the options ask for the same configuration and
   *     the manifest records another; nothing was written then
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
      Manifest.Loaded previous = Manifest.load(root);
      SyncPlan plan = SyncPlan.make(new Tree(root), files, manifest, previous, options, false);
      refuseOtherConfiguration(previous.manifest(), plan);
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
      List<String> modesSet = new ArrayList<>();
      for (SyncPlan.ModeFix fix : plan.modeFixes) {
        modesSet.add(fix.path());
      }
      return new SyncResult(written, modesSet, plan.unchanged, plan.deletes, plan.kept);
    }
  }

  /**
   * A run that stands in for another configuration's (see {@link WriteOptions}) may not
   * rewrite or prune what a different configuration wrote, unless forced.
   */
  private void refuseOtherConfiguration(Manifest previous, SyncPlan plan)
      throws OtherConfigurationException {
    Configuration recorded = previous.configuration();
    Configuration mine = options.configuration();
    if (!options.sameConfiguration() || options.force() || recorded == null || mine == null) {
      return;
    }
    List<String> differences = mine.differencesFrom(recorded);
    if (!differences.isEmpty()) {
      throw new OtherConfigurationException(root, differences, plan.deletes.size());
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
  public Comparison compare(List<GeneratedFile> files) throws IOException {
    refuseUnsafeRoot();
    SyncPlan plan = SyncPlan.make(new Tree(root), files, options.manifestOf(files),
        Manifest.load(root), options, true);
    List<Difference> differences = new ArrayList<>(plan.differences);
    if (Transaction.leftOver(root)) {
      differences.add(Difference.of(Transaction.FOLDER, Difference.Kind.LEFTOVER));
      differences.sort(null);
    }
    return new Comparison(files.size(), differences);
  }

  /**
   * What {@link #compare} found.
   *
   * @param fileCount how many files the spec generates, the manifest not counted
   * @param differences the user's files first, by path, the manifest last
   */
  public record Comparison(int fileCount, List<Difference> differences) {
    public Comparison {
      differences = List.copyOf(differences);
    }

    public boolean isEmpty() {
      return differences.isEmpty();
    }
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
   * A new file of a random name in the same folder, then a rename: readers never see half a
   * file, and a link at {@code target} is replaced, not followed. The new file is created as
   * any program creates one, under the umask (a temp file would be owner-only, and the rename
   * would keep that).
   */
  static void writeAtomically(Path target, byte[] content) throws IOException {
    Path dir = target.getParent();
    Path temp = null;
    try {
      Files.createDirectories(dir);
      temp = dir.resolve("." + target.getFileName() + "." + Long.toUnsignedString(
          RANDOM.nextLong(), 36) + ".tmp");
      Files.write(temp, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
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
   * @param modesSet files whose bytes were right, given the right executable bit in place
   * @param unchanged files whose bytes and executable bit were already right, left untouched
   * @param deleted stale files of an earlier run, removed
   * @param kept files no longer generated that were not provably the plugin's, kept on force
   */
  public record SyncResult(List<String> written, List<String> modesSet, List<String> unchanged,
      List<String> deleted, List<String> kept) {

    public SyncResult(List<String> written, List<String> unchanged, List<String> deleted) {
      this(written, List.of(), unchanged, deleted, List.of());
    }
  }
}

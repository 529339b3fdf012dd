package io.github.asgkms.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One change to the output directory, made so that the directory is always the old generation
 * or the new one, as git updates its index and refs. In the staging folder
 * {@code .asg-kms-staging} inside the output directory, where the file of the journal's n-th
 * operation is staged as {@code new-n} and the file it replaces or deletes is kept as
 * {@code old-n} (one flat folder: creating folders is slow on some disks):
 *
 * <ol>
 *   <li>every new file is written in full, with the permissions of any new file under the
 *       umask, a script executable wherever it is readable;
 *   <li>the {@link Journal} of operations is written, then renamed into place: the commit;
 *   <li>folders are created, each staged file is renamed over its target (the file it replaces
 *       is kept aside first, as a second hard link where the file system has them), each file
 *       whose bytes are right but whose executable bit is not gets its mode (undone by setting
 *       the old one back), each stale file is moved aside, and the manifest comes last;
 *   <li>folders left empty are removed, then the staging folder.
 * </ol>
 *
 * <p>A failure before the commit (a full disk, say) removes the staging folder: nothing else
 * was touched. A failure after it undoes the operations made so far, from the files kept
 * aside, so the directory is as it was. After a crash, the next run {@linkplain #recover recovers}: with no
 * journal it removes the staging folder; with one it makes the operations again (each can be
 * repeated) and finishes; with an {@code undo} journal it finishes undoing.
 */
final class Transaction {
  static final String FOLDER = ".asg-kms-staging";
  private static final String MARKER = "staging";
  private static final byte[] MARKER_TEXT =
      "The staging folder of asg-kms-maven-plugin; the next run removes it.\n"
          .getBytes(StandardCharsets.UTF_8);
  private static final String JOURNAL = "journal";
  private static final String JOURNAL_NEW = "journal.new";
  private static final String UNDO = "undo";
  private static final String NEW = "new-";
  private static final String OLD = "old-";
  private static final long MAX_JOURNAL_BYTES = 64L * 1024 * 1024;

  private final Path root;
  private final Path staging;
  private final Disk disk;

  Transaction(Path root, Disk disk) {
    this.root = root;
    this.staging = root.resolve(FOLDER);
    this.disk = disk;
  }

  /** Whether an interrupted run left its staging folder (or something at its name). */
  static boolean leftOver(Path root) throws IOException {
    return Tree.lstat(root.resolve(FOLDER)).kind() != Tree.Kind.ABSENT;
  }

  /**
   * Finishes or undoes what an interrupted run left, so the directory is one generation again.
   *
   * @return what was done, for the log; null when there was nothing to do
   */
  String recover() throws IOException {
    Tree.Kind kind = Tree.lstat(staging).kind();
    if (kind == Tree.Kind.ABSENT) {
      return null;
    }
    if (kind != Tree.Kind.FOLDER || Tree.lstat(staging.resolve(MARKER)).kind() != Tree.Kind.FILE) {
      if (kind == Tree.Kind.FOLDER && Tree.isEmptyFolder(staging)) {
        disk.delete(staging); // a crash right after creating it
        return "removed the empty staging folder of an interrupted run";
      }
      throw FileOperationException.because("use", staging, "something else is at the name"
          + " the plugin keeps for its staging folder; move it away");
    }
    List<Journal.Op> undo = journal(UNDO);
    if (undo != null) {
      undo(undo);
      remove();
      return "an interrupted run had failed; its changes are now undone";
    }
    List<Journal.Op> ops = journal(JOURNAL);
    if (ops != null) {
      applyOrUndo(ops);
      finish(ops);
      return "finished the changes an interrupted run had committed";
    }
    remove();
    return "removed the files an interrupted run had staged; it had changed nothing else";
  }

  /** Makes the plan's change: all of it, or, when it fails, none of it. */
  void commit(SyncPlan plan) throws IOException {
    List<Journal.Op> ops = plan.operations();
    boolean created = false;
    try {
      disk.createFolder(staging);
      created = true;
      disk.write(staging.resolve(MARKER), MARKER_TEXT);
      Map<String, SyncPlan.Put> contents = plan.contents();
      for (int i = 0; i < ops.size(); i++) {
        SyncPlan.Put put = ops.get(i).type() == Journal.Type.MODE ? null
            : contents.get(ops.get(i).path());
        if (put != null) {
          stage(staged(NEW, i), put);
        }
      }
      disk.write(staging.resolve(JOURNAL_NEW), Journal.write(ops));
      disk.move(staging.resolve(JOURNAL_NEW), staging.resolve(JOURNAL));
    } catch (IOException | RuntimeException e) {
      if (created) {
        try {
          remove();
        } catch (IOException | RuntimeException cleanup) {
          e.addSuppressed(cleanup);
        }
      }
      throw new IOException("nothing in " + root + " was changed: " + e.getMessage(), e);
    }
    applyOrUndo(ops);
    finish(ops);
  }

  /**
   * Writes a new file as any program writes one, under the umask; a script then gets execute
   * wherever it got read. The rename into place keeps the mode.
   */
  private void stage(Path file, SyncPlan.Put put) throws IOException {
    disk.write(file, put.content());
    if (put.executable()) {
      int mode = Tree.lstat(file).mode();
      if (mode != Modes.UNKNOWN) {
        disk.setMode(file, Modes.as(mode, true));
      }
    }
  }

  /** Makes the operations; on a failure, takes back those made, and rethrows. */
  private void applyOrUndo(List<Journal.Op> ops) throws IOException {
    try {
      for (int i = 0; i < ops.size(); i++) {
        apply(ops.get(i), i);
      }
    } catch (IOException | RuntimeException e) {
      try {
        disk.move(staging.resolve(JOURNAL), staging.resolve(UNDO));
        undo(ops);
        remove();
      } catch (IOException | RuntimeException undoFailure) {
        e.addSuppressed(undoFailure);
        throw new IOException(root + " is partly changed: " + e.getMessage()
            + "; taking the change back failed too: " + undoFailure.getMessage()
            + ". The next run completes it from " + staging, e);
      }
      throw new IOException(root + " is left as it was: " + e.getMessage(), e);
    }
  }

  /** One operation; made again after a crash, it does what is left of it and no more. */
  private void apply(Journal.Op op, int index) throws IOException {
    Path target = root.resolve(op.path());
    switch (op.type()) {
      case FOLDER -> {
        Tree.Kind kind = Tree.lstat(target).kind();
        if (kind == Tree.Kind.ABSENT) {
          disk.createFolder(target);
        } else if (kind != Tree.Kind.FOLDER) {
          throw FileOperationException.because("create the folder", target,
              "something else is there now");
        }
      }
      case PUT, REPLACE -> {
        Path staged = staged(NEW, index);
        if (absent(staged)) {
          return; // moved into place already
        }
        if (op.type() == Journal.Type.REPLACE) {
          keepAside(target, index, true);
        } else if (!absent(target)) {
          throw FileOperationException.because("write", target,
              "something appeared there while the plugin was writing");
        }
        disk.move(staged, target);
      }
      case DELETE -> keepAside(target, index, false);
      case MODE -> {
        if (Tree.lstat(target).kind() != Tree.Kind.FILE) {
          throw FileOperationException.because("set the permissions of", target,
              "it is no longer a regular file");
        }
        disk.setMode(target, op.mode());
      }
    }
  }

  /**
   * Puts the file at {@code target} under {@code old/}, unless it is there already: as a
   * second name when {@code linkIfPossible}, so that the target is replaced in one rename and
   * a reader never finds it missing; else by moving it.
   */
  private void keepAside(Path target, int index, boolean linkIfPossible) throws IOException {
    Path backup = staged(OLD, index);
    if (absent(target) || !absent(backup)) {
      return;
    }
    if (!linkIfPossible || !disk.link(backup, target)) {
      disk.move(target, backup);
    }
  }

  /** Takes the operations back, last first; each can be taken back again after a crash. */
  private void undo(List<Journal.Op> ops) throws IOException {
    for (int i = ops.size() - 1; i >= 0; i--) {
      Journal.Op op = ops.get(i);
      Path target = root.resolve(op.path());
      Path backup = staged(OLD, i);
      switch (op.type()) {
        case FOLDER -> {
          if (Tree.lstat(target).kind() == Tree.Kind.FOLDER) {
            disk.deleteIfEmpty(target);
          }
        }
        case PUT -> {
          if (absent(staged(NEW, i)) && !absent(target)) {
            disk.delete(target); // moved into place, where there was nothing before
          }
        }
        case REPLACE -> {
          if (!absent(backup)) {
            disk.move(backup, target); // also when it is the target's second name
          }
        }
        case DELETE -> {
          if (!absent(backup)) {
            disk.move(backup, target);
          }
        }
        case MODE -> {
          if (Tree.lstat(target).kind() == Tree.Kind.FILE) {
            disk.setMode(target, op.oldMode());
          }
        }
      }
    }
  }

  /** After the manifest: removes the folders that deletes left empty, then the staging. */
  private void finish(List<Journal.Op> ops) throws IOException {
    for (Journal.Op op : ops) {
      if (op.type() == Journal.Type.DELETE) {
        String path = op.path();
        for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
          Path folder = root.resolve(path.substring(0, slash));
          Tree.Kind kind = Tree.lstat(folder).kind();
          if (kind == Tree.Kind.ABSENT) {
            continue; // removed before a crash: go on with its parent
          }
          if (kind != Tree.Kind.FOLDER || !disk.deleteIfEmpty(folder)) {
            break;
          }
        }
      }
    }
    remove();
  }

  /**
   * Removes the staging folder, never following a link in it. The journals go first and the
   * marker last, so that a crash meanwhile leaves a folder the next run still knows as its own
   * and has nothing left to redo.
   */
  private void remove() throws IOException {
    if (Tree.lstat(staging).kind() != Tree.Kind.FOLDER) {
      return;
    }
    for (String name : new String[] {JOURNAL, UNDO, JOURNAL_NEW}) {
      if (!absent(staging.resolve(name))) {
        disk.delete(staging.resolve(name));
      }
    }
    for (Path child : children(staging)) {
      if (!child.getFileName().toString().equals(MARKER)) {
        removeTree(child);
      }
    }
    if (!absent(staging.resolve(MARKER))) {
      disk.delete(staging.resolve(MARKER));
    }
    disk.delete(staging);
  }

  private void removeTree(Path path) throws IOException {
    if (Tree.lstat(path).kind() == Tree.Kind.FOLDER) {
      for (Path child : children(path)) {
        removeTree(child);
      }
    }
    disk.delete(path);
  }

  private static List<Path> children(Path folder) throws IOException {
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      for (Path child : entries) {
        children.add(child);
      }
    } catch (IOException e) {
      throw FileOperationException.of("list", folder, e);
    }
    children.sort(null);
    return children;
  }

  /** The journal of that name, or null when there is none. */
  private List<Journal.Op> journal(String name) throws IOException {
    Path file = staging.resolve(name);
    Tree.Entry entry = Tree.lstat(file);
    if (entry.kind() == Tree.Kind.ABSENT) {
      return null;
    }
    byte[] bytes = entry.kind() == Tree.Kind.FILE ? Tree.read(file, MAX_JOURNAL_BYTES) : null;
    List<Journal.Op> ops = bytes == null ? null : Journal.read(bytes);
    if (ops == null) {
      throw FileOperationException.because("recover from", file, "it is not a journal this"
          + " plugin wrote; check the staging folder and move it away");
    }
    return ops;
  }

  /** The staged file of operation {@code index}: its new content, or the old file. */
  private Path staged(String area, int index) {
    return staging.resolve(area + index);
  }

  private static boolean absent(Path path) throws IOException {
    return Tree.lstat(path).kind() == Tree.Kind.ABSENT;
  }
}

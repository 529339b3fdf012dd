package io.github.asgkms.output;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a run would do to the output directory, decided before anything is written: which files
 * to write, which to delete, which folders to create, and what is in the way. A file is
 * replaced or deleted only when the plugin can prove it wrote it: its bytes hash to what the
 * previous manifest records. Everything else is a {@link Conflict}. {@code check} reads the
 * same plan as a list of {@link Difference}s, so that a passing check means a quiet generate.
 */
final class SyncPlan {
  /** A generated file is at most this big; a bigger file at its path is not the plugin's. */
  static final long MAX_FILE_BYTES = 256L * 1024 * 1024;
  /** {@code check} shows a diff of files up to this size. */
  private static final long MAX_DIFF_BYTES = 1024 * 1024;

  /** A file to write, whether a file is there to be replaced, and whether it is a script. */
  record Put(String path, byte[] content, boolean replaces, boolean executable) {}

  /** A file whose bytes are right but whose executable bit is not: its new and old modes. */
  record ModeFix(String path, int mode, int oldMode) {}

  final Set<String> folders = new TreeSet<>(); // parents sort before their children
  final List<Put> puts = new ArrayList<>();
  final List<ModeFix> modeFixes = new ArrayList<>();
  final List<String> deletes = new ArrayList<>();
  final List<String> unchanged = new ArrayList<>();
  final List<String> kept = new ArrayList<>();
  final List<String> replaced = new ArrayList<>();
  final List<Conflict> conflicts = new ArrayList<>();
  final List<Difference> differences = new ArrayList<>();
  /** The new manifest, or null when the one on disk is already right. */
  Put manifest;

  private final Tree tree;
  private final boolean force;
  private final boolean withDiffs;

  private SyncPlan(Tree tree, boolean force, boolean withDiffs) {
    this.tree = tree;
    this.force = force;
    this.withDiffs = withDiffs;
  }

  /**
   * @param withDiffs whether to keep the plugin's files as found, for {@code check}'s diffs
   */
  static SyncPlan make(Tree tree, List<GeneratedFile> files, GeneratedFile newManifest,
      Manifest.Loaded previous, WriteOptions options, boolean withDiffs) throws IOException {
    SyncPlan plan = new SyncPlan(tree, options.force(), withDiffs);
    plan.previousManifest(previous, options.owner());
    Map<String, String> owned = previous.manifest().hashesByPath();
    Set<String> generated = new HashSet<>();
    for (GeneratedFile file : files) {
      generated.add(file.path());
      plan.generated(file, owned.get(file.path()));
    }
    for (Map.Entry<String, String> entry : owned.entrySet()) {
      if (!generated.contains(entry.getKey())) {
        plan.stale(entry.getKey(), entry.getValue());
      }
    }
    plan.newManifest(newManifest, previous);
    plan.differences.sort(null);
    plan.conflicts.sort(null);
    return plan;
  }

  /** The conflicts that stop this run: all of them without force, the hard ones with it. */
  List<Conflict> blocking() {
    List<Conflict> blocking = new ArrayList<>();
    for (Conflict conflict : conflicts) {
      if (!force || !conflict.forceable()) {
        blocking.add(conflict);
      }
    }
    return blocking;
  }

  boolean changesNothing() {
    return folders.isEmpty() && puts.isEmpty() && modeFixes.isEmpty() && deletes.isEmpty()
        && manifest == null;
  }

  /** The operations of the change, in the order they are made: the manifest last. */
  List<Journal.Op> operations() {
    List<Journal.Op> ops = new ArrayList<>();
    for (String folder : folders) {
      ops.add(new Journal.Op(Journal.Type.FOLDER, folder));
    }
    for (Put put : puts) {
      ops.add(put(put));
    }
    for (ModeFix fix : modeFixes) {
      ops.add(new Journal.Op(Journal.Type.MODE, fix.path(), fix.mode(), fix.oldMode()));
    }
    for (String delete : deletes) {
      ops.add(new Journal.Op(Journal.Type.DELETE, delete));
    }
    if (manifest != null) {
      ops.add(put(manifest));
    }
    return ops;
  }

  private static Journal.Op put(Put put) {
    return new Journal.Op(put.replaces() ? Journal.Type.REPLACE : Journal.Type.PUT, put.path());
  }

  /** Each file to write, the manifest included, by path. */
  Map<String, Put> contents() {
    Map<String, Put> all = new HashMap<>();
    for (Put put : puts) {
      all.put(put.path(), put);
    }
    if (manifest != null) {
      all.put(manifest.path(), manifest);
    }
    return all;
  }

  private void previousManifest(Manifest.Loaded previous, String owner) {
    switch (previous.state()) {
      case LINK -> conflict(Manifest.FILE_NAME, "a symbolic link, not followed", false);
      case NOT_A_FILE -> conflict(Manifest.FILE_NAME, "not a regular file", false);
      case TOO_LARGE -> conflict(Manifest.FILE_NAME, previous.problems().get(0), true);
      default -> {
        for (String problem : previous.problems()) {
          conflict(Manifest.FILE_NAME, problem, true);
        }
      }
    }
    String before = previous.manifest().owner();
    if (before != null && owner != null && !before.equals(owner)) {
      conflict(Manifest.FILE_NAME, "the files here were written for " + before + ", not for "
          + owner + "; two projects that share an output directory delete each other's files",
          true);
    }
  }

  private void generated(GeneratedFile file, String ownedHash) throws IOException {
    String path = file.path();
    Tree.Entry entry = tree.at(path);
    switch (entry.kind()) {
      case ABSENT -> {
        addMissingFolders(path);
        puts.add(new Put(path, file.content(), false, file.executable()));
        differences.add(Difference.of(path, Difference.Kind.MISSING));
      }
      case FILE -> existing(file, entry, ownedHash);
      case LINK -> blocked(path, "a symbolic link, not followed", Difference.Kind.LINK);
      case FOLDER -> blocked(path, "a folder, where a generated file goes",
          Difference.Kind.NOT_A_FILE);
      case SPECIAL -> blocked(path, "not a regular file (a FIFO, socket or device)",
          Difference.Kind.NOT_A_FILE);
      case LINKED_FOLDER -> blocked(path, "its folder " + entry.through()
          + " is a symbolic link, not followed", Difference.Kind.LINK);
      case NOT_A_FOLDER -> blocked(path, entry.through() + " is in the way: not a folder",
          Difference.Kind.NOT_A_FILE);
    }
  }

  private void existing(GeneratedFile file, Tree.Entry entry, String ownedHash)
      throws IOException {
    String path = file.path();
    long size = entry.size();
    byte[] onDisk = null;
    if (size == file.content().length) {
      onDisk = Tree.read(tree.root().resolve(path), size);
      if (onDisk != null && Arrays.equals(onDisk, file.content())) {
        sameBytes(file, entry.mode());
        return;
      }
    } else if (ownedHash != null || withDiffs) {
      onDisk = Tree.read(tree.root().resolve(path), MAX_FILE_BYTES);
    }
    boolean proven = ownedHash != null && onDisk != null && ownedHash.equals(Sha256.hex(onDisk));
    byte[] shown = withDiffs && onDisk != null && onDisk.length <= MAX_DIFF_BYTES
        && file.content().length <= MAX_DIFF_BYTES ? onDisk : null;
    if (proven) {
      puts.add(new Put(path, file.content(), true, file.executable()));
      differences.add(Difference.withDiff(Difference.Kind.CHANGED, file, shown));
      return;
    }
    if (ownedHash != null) {
      differences.add(Difference.withDiff(Difference.Kind.EDITED, file, shown));
      conflict(path, "edited by hand since the plugin wrote it", true);
    } else {
      // Never shown: the plugin cannot tell whose file it is.
      differences.add(Difference.of(path, Difference.Kind.NOT_OWNED));
      conflict(path, "not written by the plugin", true);
    }
    if (force) {
      puts.add(new Put(path, file.content(), true, file.executable()));
      replaced.add(path);
    }
  }

  /**
   * A file whose bytes are already right: left alone, or, when only its executable bit is
   * wrong, given the right one in place, so its bytes and modification time stay.
   */
  private void sameBytes(GeneratedFile file, int mode) {
    if (!Modes.differs(mode, file.executable())) {
      unchanged.add(file.path());
      return;
    }
    modeFixes.add(new ModeFix(file.path(), Modes.as(mode, file.executable()), mode));
    differences.add(Difference.of(file.path(), file.executable()
        ? Difference.Kind.NOT_EXECUTABLE : Difference.Kind.EXECUTABLE));
  }

  private void stale(String path, String ownedHash) throws IOException {
    Tree.Entry entry = tree.at(path);
    switch (entry.kind()) {
      case ABSENT, NOT_A_FOLDER -> {
        // Gone already, or it cannot be there: the manifest simply stops listing it.
      }
      case FILE -> {
        byte[] onDisk = Tree.read(tree.root().resolve(path), MAX_FILE_BYTES);
        if (onDisk != null && ownedHash.equals(Sha256.hex(onDisk))) {
          deletes.add(path);
          differences.add(Difference.of(path, Difference.Kind.STALE));
        } else {
          keep(path, "edited by hand since the plugin wrote it, and no longer generated",
              Difference.Kind.STALE_EDITED);
        }
      }
      case LINK -> keep(path, "a symbolic link, not followed, and no longer generated",
          Difference.Kind.STALE_LINK);
      case LINKED_FOLDER -> keep(path, "its folder " + entry.through()
          + " is a symbolic link, not followed; no longer generated",
          Difference.Kind.STALE_LINK);
      case FOLDER, SPECIAL -> keep(path, "not a regular file, and no longer generated",
          Difference.Kind.STALE_NOT_A_FILE);
    }
  }

  /** The manifest is bookkeeping: {@code check} says that it differs, never how. */
  private void newManifest(GeneratedFile file, Manifest.Loaded previous) {
    switch (previous.state()) {
      case FILE -> {
        if (Arrays.equals(previous.bytes(), file.content())) {
          return;
        }
        differences.add(Difference.of(file.path(), Difference.Kind.CHANGED));
      }
      case ABSENT -> differences.add(Difference.of(file.path(), Difference.Kind.MISSING));
      case TOO_LARGE -> differences.add(Difference.of(file.path(), Difference.Kind.CHANGED));
      case LINK -> {
        differences.add(Difference.of(file.path(), Difference.Kind.LINK));
        return;
      }
      case NOT_A_FILE -> {
        differences.add(Difference.of(file.path(), Difference.Kind.NOT_A_FILE));
        return;
      }
    }
    manifest = new Put(file.path(), file.content(), previous.state() != Manifest.State.ABSENT,
        false);
  }

  private void addMissingFolders(String path) throws IOException {
    for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
      String folder = path.substring(0, slash);
      if (!folders.contains(folder) && tree.at(folder).kind() == Tree.Kind.ABSENT) {
        folders.add(folder);
      }
    }
  }

  private void blocked(String path, String problem, Difference.Kind kind) {
    differences.add(Difference.of(path, kind));
    conflict(path, problem, false);
  }

  private void keep(String path, String problem, Difference.Kind kind) {
    differences.add(Difference.of(path, kind));
    conflict(path, problem, true);
    if (force) {
      kept.add(path);
    }
  }

  private void conflict(String path, String problem, boolean forceable) {
    conflicts.add(new Conflict(path, problem, forceable));
  }
}

package io.github.asgkms.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sync is all or nothing: a run that fails leaves the previous generation byte for byte,
 * temporary files included, and a crash at any moment leaves a directory that the next run
 * makes exactly the old or the new generation.
 */
class AtomicityTest {
  private static final List<GeneratedFile> A = Generations.a(2, 3);
  private static final List<GeneratedFile> B = Generations.b(2, 3);

  @TempDir Path temp;
  Path out;
  Map<String, String> expectedA;
  Map<String, String> expectedB;

  @BeforeEach
  void expectations() {
    out = temp.resolve("out");
    expectedA = Snapshot.expected(A, Generations.USER_FILES, null);
    expectedB = Snapshot.expected(B, Generations.USER_FILES, null);
  }

  /** A fresh directory holding generation A and the user's files. */
  private void freshA() throws Exception {
    TestTrees.deleteRecursively(out);
    Files.createDirectories(out);
    Generations.writeUserFiles(out);
    new OutputDirectory(out).sync(A);
    assertThat(Snapshot.of(out)).isEqualTo(expectedA);
  }

  private int operationsOfAToB() throws Exception {
    freshA();
    Disk counting = new Disk();
    new OutputDirectory(out, WriteOptions.defaults(), counting).sync(B);
    assertThat(Snapshot.of(out)).isEqualTo(expectedB);
    return counting.operations();
  }

  @Test
  void aFailureAtAnyDiskOperationLeavesTheOldGenerationOrCompletesTheNew() throws Exception {
    int operations = operationsOfAToB();
    int old = 0;
    int completed = 0;
    for (int failAt = 0; failAt < operations; failAt++) {
      freshA();
      int at = failAt;

      IOException e = catchThrowableOfType(IOException.class, () -> new OutputDirectory(out,
          WriteOptions.defaults(), new Disk(at, -1)).sync(B));

      assertThat(e).as("operation %d", at).isNotNull();
      assertThat(e.getMessage()).as("operation %d", at).contains("injected failure");
      Map<String, String> after = Snapshot.of(out);
      if (after.equals(expectedA)) {
        // Before the manifest was in place: all undone, the staging folder included.
        assertThat(completed).as("operation %d: old after new", at).isZero();
        assertThat(e.getMessage()).containsAnyOf("nothing in " + out + " was changed",
            out + " is left as it was");
        old++;
      } else {
        // The manifest was in place: the change is made; only clean-up was left (folders
        // emptied by deletes, the staging folder), which the next run finishes.
        assertThat(Snapshot.filesOnly(Snapshot.withoutBookkeeping(after)))
            .as("operation %d", at).isEqualTo(Snapshot.filesOnly(expectedB));
        completed++;
      }
      new OutputDirectory(out).sync(B);
      assertThat(Snapshot.of(out)).as("the run after operation %d", at).isEqualTo(expectedB);
    }
    assertThat(old).isGreaterThan(operations / 2);
    assertThat(completed).isPositive();
  }

  @Test
  void aCrashAtAnyDiskOperationLeavesOldOrNewAndTheNextRunIsExact() throws Exception {
    int operations = operationsOfAToB();
    for (int crashAt = 0; crashAt < operations; crashAt++) {
      freshA();
      int at = crashAt;

      assertThatThrownBy(() -> new OutputDirectory(out, WriteOptions.defaults(),
          new Disk(-1, at)).sync(B)).isInstanceOf(Disk.SimulatedCrash.class);

      Map<String, String> after = Snapshot.of(out);
      boolean committed = after.containsKey(Transaction.FOLDER + "/journal");
      if (!committed) {
        // Before the commit, or after the change was finished: old or new as it stands.
        assertThat(Snapshot.withoutBookkeeping(after)).as("crash at %d", at)
            .isIn(expectedA, expectedB);
      }
      new OutputDirectory(out).recover();
      Map<String, String> recovered = Snapshot.of(out);
      assertThat(recovered).as("recovered from a crash at %d", at)
          .isIn(expectedA, expectedB);
      if (committed) {
        assertThat(recovered).as("recovered from a crash at %d", at).isEqualTo(expectedB);
      }
      new OutputDirectory(out).sync(B);
      assertThat(Snapshot.of(out)).as("the run after a crash at %d", at).isEqualTo(expectedB);
    }
  }

  @Test
  void aCrashWhileTakingAFailedChangeBackIsTakenBackByTheNextRun() throws Exception {
    int operations = operationsOfAToB();
    int undoneByNextRun = 0;
    for (int failAt = 0; failAt < operations; failAt++) {
      freshA();
      // Fail one operation, then crash in the middle of taking the change back.
      int at = failAt;
      try {
        new OutputDirectory(out, WriteOptions.defaults(), new Disk(at, at + 3)).sync(B);
      } catch (IOException | Disk.SimulatedCrash e) {
        // either way, the next run must sort it out
      }
      Map<String, String> after = Snapshot.of(out);
      if (after.containsKey(Transaction.FOLDER + "/undo")) {
        undoneByNextRun++;
        new OutputDirectory(out).recover();
        assertThat(Snapshot.of(out)).as("failure at %d", at).isEqualTo(expectedA);
      }
      new OutputDirectory(out).sync(B);
      assertThat(Snapshot.of(out)).as("the run after %d", at).isEqualTo(expectedB);
    }
    assertThat(undoneByNextRun).isPositive();
  }

  @Test
  void aFolderWhereAFileGoesOrAFileWhereAFolderGoesChangesNothing() throws Exception {
    freshA();
    TestTrees.deleteRecursively(out.resolve("x/d1/f2.tf"));
    Files.createDirectories(out.resolve("x/d1/f2.tf/inside"));
    Files.createDirectories(out.resolve("only-b"));
    Files.writeString(out.resolve("only-b/d1"), "the user's file named d1\n");
    Map<String, String> before = Snapshot.of(out);

    IOException e = catchThrowableOfType(IOException.class,
        () -> new OutputDirectory(out, WriteOptions.defaults().withForce(true)).sync(B));

    assertThat(Snapshot.of(out)).isEqualTo(before);
    assertThat(e).isInstanceOf(OutputConflictException.class);
    assertThat(((OutputConflictException) e).conflicts()).extracting(Conflict::toString)
        .containsExactly(
            "only-b/d1/g.tf: only-b/d1 is in the way: not a folder",
            "x/d1/f2.tf: a folder, where a generated file goes");
  }

  @Test
  void aReadOnlyFolderLeavesThePreviousGenerationByteForByte() throws Exception {
    freshA();
    Path folder = out.resolve("x/d1");
    assumeTrue(makeReadOnly(folder), "no way to make a folder read-only here");
    try {
      Map<String, String> before = Snapshot.of(out);

      IOException e = catchThrowableOfType(IOException.class,
          () -> new OutputDirectory(out).sync(B));

      assertThat(Snapshot.of(out)).isEqualTo(before);
      assertThat(e).isNotNull().isNotInstanceOf(OutputConflictException.class);
      assertThat(e.getMessage()).startsWith(out + " is left as it was: cannot ")
          .contains(folder.toString()).containsAnyOf("Permission denied",
              "Operation not permitted", "permission denied");
    } finally {
      makeWritable(folder);
    }
    new OutputDirectory(out).sync(B);
    assertThat(Snapshot.of(out)).isEqualTo(expectedB);
  }

  @Test
  void aFullDiskLeavesThePreviousGenerationByteForByte() throws Exception {
    Path disk = Files.createDirectories(temp.resolve("small-disk"));
    assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", disk.toString()),
        "cannot mount a small tmpfs here");
    try {
      out = disk.resolve("out");
      Files.createDirectories(out);
      Generations.writeUserFiles(out);
      new OutputDirectory(out).sync(A);
      Map<String, String> before = Snapshot.of(out);
      Path filler = disk.resolve("filler");
      fillUpTo(filler, 64 * 1024);
      List<GeneratedFile> big = new ArrayList<>();
      for (GeneratedFile file : B) {
        big.add(new GeneratedFile(file.path(), new byte[16 * 1024]));
      }

      IOException e = catchThrowableOfType(IOException.class,
          () -> new OutputDirectory(out).sync(big));

      assertThat(Snapshot.of(out)).isEqualTo(before);
      assertThat(e).isNotNull();
      assertThat(e.getMessage()).startsWith("nothing in " + out + " was changed: cannot write "
          + out.resolve(Transaction.FOLDER)).endsWith(": No space left on device");

      Files.delete(filler);
      new OutputDirectory(out).sync(big);
      assertThat(Snapshot.of(out))
          .isEqualTo(Snapshot.expected(big, Generations.USER_FILES, null));
    } finally {
      run("umount", disk.toString());
    }
  }

  /** Fills the file system of {@code filler} until only about {@code free} bytes are left. */
  private static void fillUpTo(Path filler, long free) throws IOException {
    long available = Files.getFileStore(filler.getParent()).getUsableSpace();
    byte[] chunk = new byte[4096];
    try (var channel = Files.newOutputStream(filler)) {
      for (long written = 0; written < available - free; written += chunk.length) {
        channel.write(chunk);
      }
    }
  }

  private static boolean makeReadOnly(Path folder) throws Exception {
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
    if (isReadOnly(folder)) {
      return true;
    }
    // As root, permission bits do not stop a write; the immutable attribute does.
    return run("chattr", "+i", folder.toString()) && isReadOnly(folder);
  }

  private static void makeWritable(Path folder) throws Exception {
    run("chattr", "-i", folder.toString());
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static boolean isReadOnly(Path folder) {
    Path probe = folder.resolve("probe");
    try {
      Files.createFile(probe);
      Files.delete(probe);
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  private static boolean run(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}

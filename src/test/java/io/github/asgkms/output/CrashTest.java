package io.github.asgkms.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asgkms.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at random moments of real syncs, in a child JVM: after each kill the directory is
 * the old generation or the new one (once a committed change is finished), and the next run
 * makes it exact: no orphan, no temporary file, no staging folder, no lock file. Set
 * {@code -Dcrash.kills=500} for a longer run.
 */
class CrashTest {
  private static final int KILLS = Integer.getInteger("crash.kills", 50);
  private static final int FOLDERS = 4;
  private static final int PER_FOLDER = 6;

  @TempDir Path temp;

  @Test
  void killedAtRandomMomentsTheDirectoryIsOldOrNewAndTheNextRunIsExact() throws Exception {
    Path out = temp.resolve("out");
    List<GeneratedFile> a = Generations.a(FOLDERS, PER_FOLDER);
    Map<String, String> expectedA = Snapshot.expected(a, Generations.USER_FILES, null);
    Map<String, String> expectedB = Snapshot.expected(Generations.b(FOLDERS, PER_FOLDER),
        Generations.USER_FILES, null);
    Files.createDirectories(out);
    Generations.writeUserFiles(out);
    new OutputDirectory(out).sync(a);
    long seed = Long.getLong("crash.seed", System.nanoTime());
    Random random = new Random(seed);
    int staged = 0;
    int committed = 0;

    for (int kill = 0; kill < KILLS; kill++) {
      try (ChildJvm child = ChildJvm.start(SyncLoop.class, out.toString(),
          String.valueOf(FOLDERS), String.valueOf(PER_FOLDER))) {
        assertThat(child.readLine()).isEqualTo("ready");
        Thread.sleep(random.nextInt(250));
        child.kill();
      }
      String at = "kill " + kill + " (seed " + seed + ")";
      Map<String, String> after = Snapshot.of(out);
      boolean journal = after.containsKey(Transaction.FOLDER + "/journal")
          || after.containsKey(Transaction.FOLDER + "/undo");
      if (after.containsKey(Transaction.FOLDER + "/")) {
        staged++;
      }
      if (journal) {
        committed++;
      } else {
        assertThat(Snapshot.withoutBookkeeping(after)).as(at).isIn(expectedA, expectedB);
      }

      new OutputDirectory(out).recover();
      assertThat(Snapshot.of(out)).as(at + ", recovered").isIn(expectedA, expectedB);
      new OutputDirectory(out).sync(a);
      assertThat(Snapshot.of(out)).as(at + ", the next run").isEqualTo(expectedA);
    }
    System.out.printf("CrashTest: %d kills, %d in a change (%d after its commit), seed %d%n",
        KILLS, staged, committed, seed);
    assertThat(staged).as("kills that landed in the middle of a change").isPositive();
  }
}

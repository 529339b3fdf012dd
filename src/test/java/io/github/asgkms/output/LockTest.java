package io.github.asgkms.output;

import static io.github.asgkms.output.Generations.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asgkms.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One writer at a time: a second build waits, says so, and gives up clearly in time. */
class LockTest {
  private static final List<GeneratedFile> FILES = List.of(file("t/a.tf", "a\n"));

  @TempDir Path temp;

  @Test
  void aSecondBuildWaitsWithAMessageThenFailsClearlyAndWritesNothing() throws Exception {
    Path out = Files.createDirectories(temp.resolve("out"));
    List<String> notices = new CopyOnWriteArrayList<>();
    try (ChildJvm other = ChildJvm.start(LockHolder.class, out.toString())) {
      assertThat(other.readLine()).isEqualTo("locked");

      assertThatThrownBy(() -> new OutputDirectory(out, WriteOptions.defaults()
          .withLockWait(Duration.ofMillis(300)).withNotices(notices::add)).sync(FILES))
          .isInstanceOf(IOException.class)
          .hasMessage("another build has been writing " + out + " for more than 0.3 s (it"
              + " holds the lock on " + out.resolve(".asg-kms.lock") + "); nothing was"
              + " written. A lock dies with its process, so some build is still running: let"
              + " it finish, or stop it");
      assertThat(notices).containsExactly("another build is writing " + out
          + "; waiting for it, for up to 0.3 s");
      assertThat(out.resolve("t")).doesNotExist();

      // Given time, it goes on as soon as the other build lets go.
      notices.clear();
      CompletableFuture<OutputDirectory.SyncResult> waiting = CompletableFuture.supplyAsync(
          () -> {
            try {
              return new OutputDirectory(out, WriteOptions.defaults()
                  .withLockWait(Duration.ofSeconds(30)).withNotices(notices::add)).sync(FILES);
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
          });
      while (notices.isEmpty()) {
        Thread.sleep(10);
      }
      other.send("release");
      assertThat(other.readLine()).isEqualTo("released");
      assertThat(waiting.get().written()).containsExactly("t/a.tf");
    }
    assertThat(out.resolve(".asg-kms.lock")).doesNotExist();
  }

  @Test
  void twoWritersInOneJvmTakeTurns() throws Exception {
    Path out = Files.createDirectories(temp.resolve("out"));
    List<String> notices = new CopyOnWriteArrayList<>();
    try (DirectoryLock held = DirectoryLock.acquire(out, Duration.ofSeconds(1),
        WriteOptions.Notices.NONE)) {
      assertThatThrownBy(() -> new OutputDirectory(out, WriteOptions.defaults()
          .withLockWait(Duration.ofMillis(200)).withNotices(notices::add)).sync(FILES))
          .hasMessageStartingWith("another build has been writing " + out);
    }
    assertThat(notices).hasSize(1);
    assertThat(new OutputDirectory(out).sync(FILES).written()).containsExactly("t/a.tf");
    assertThat(out.resolve(".asg-kms.lock")).doesNotExist();
  }
}

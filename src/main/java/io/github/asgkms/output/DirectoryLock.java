package io.github.asgkms.output;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One writer at a time for an output directory, across processes and within one (parallel
 * modules of a {@code -T} build share a JVM). Across processes it is an operating-system lock
 * on {@code .asg-kms.lock} in the directory, which dies with its process, so a crashed build
 * never leaves the directory locked. The holder deletes the file before it lets go, so a
 * finished run leaves nothing behind; a waiter therefore checks, once it holds the lock, that
 * the file it locked is still the one at that name, and starts again if not.
 */
final class DirectoryLock implements AutoCloseable {
  static final String FILE_NAME = ".asg-kms.lock";
  private static final long POLL_MILLIS = 50;
  /**
   * One permit per directory in this JVM. A second channel on the lock file in the same
   * process would be refused its lock, and closing it would drop the first one's: the
   * operating system keeps such locks per process.
   */
  private static final ConcurrentHashMap<Path, Semaphore> IN_THIS_JVM = new ConcurrentHashMap<>();

  private static final Object ABSENT = new Object();

  private final Semaphore permit;
  private final FileChannel channel;
  private final FileLock lock;
  private final Path file;
  /** Where the file system has no file identities, the file stays: it cannot be checked. */
  private final boolean deleteOnRelease;

  private DirectoryLock(Semaphore permit, FileChannel channel, FileLock lock, Path file,
      boolean deleteOnRelease) {
    this.permit = permit;
    this.channel = channel;
    this.lock = lock;
    this.file = file;
    this.deleteOnRelease = deleteOnRelease;
  }

  /**
   * Whether a lock file is there that a finished run would have deleted: one of a crashed run,
   * or of a run that is writing now. Where the file system has no file identities the file
   * always stays, so it says nothing.
   */
  static boolean leftOver(Path root) throws IOException {
    Object identity = identity(root.resolve(FILE_NAME));
    return identity != ABSENT && identity != null;
  }

  /**
   * Waits up to {@code wait} for the directory, saying so once if another build holds it.
   *
   * @param root the output directory, which exists
   */
  static DirectoryLock acquire(Path root, Duration wait, WriteOptions.Notices notices)
      throws IOException {
    long deadline = System.nanoTime() + wait.toNanos();
    Path key = root.toRealPath();
    Semaphore fresh = new Semaphore(1);
    Semaphore known = IN_THIS_JVM.putIfAbsent(key, fresh);
    Semaphore permit = known != null ? known : fresh;
    Waiting waiting = new Waiting(root, wait, notices);
    try {
      if (!permit.tryAcquire()) {
        waiting.say();
        if (!permit.tryAcquire(Math.max(0, deadline - System.nanoTime()),
            TimeUnit.NANOSECONDS)) {
          throw waiting.timedOut();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to write " + root);
    }
    try {
      return lockFile(root.resolve(FILE_NAME), permit, deadline, waiting);
    } catch (IOException | RuntimeException | Error e) {
      permit.release();
      throw e;
    }
  }

  private static DirectoryLock lockFile(Path file, Semaphore permit, long deadline,
      Waiting waiting) throws IOException {
    while (true) {
      Object before = identity(file);
      FileChannel channel = open(file);
      boolean held = false;
      try {
        Object opened = identity(file);
        if (opened == null) {
          // No file identities on this file system: lock what was opened, and leave the file.
          FileLock lock = waitForLock(channel, deadline, waiting);
          held = true;
          return new DirectoryLock(permit, channel, lock, file, false);
        }
        if (before != ABSENT && before.equals(opened)) {
          // The name meant one file before and after the open, so the channel is on it.
          FileLock lock = tryLock(channel);
          if (lock != null) {
            if (before.equals(identity(file))) {
              held = true;
              return new DirectoryLock(permit, channel, lock, file, true);
            }
            lock.release(); // its holder deleted it meanwhile: try the new one
          } else {
            waiting.say();
            pause(deadline, waiting);
          }
        } else if (System.nanoTime() > deadline) {
          throw waiting.timedOut();
        }
      } finally {
        if (!held) {
          channel.close();
        }
      }
    }
  }

  private static FileLock waitForLock(FileChannel channel, long deadline, Waiting waiting) throws IOException {
    FileLock lock;
    while ((lock = tryLock(channel)) == null) {
      waiting.say();
      pause(deadline, waiting);
    }
    return lock;
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null; // held in this JVM through another path to the same folder
    }
  }

  private static void pause(long deadline, Waiting waiting) throws IOException {
    if (System.nanoTime() > deadline) {
      throw waiting.timedOut();
    }
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to write " + waiting.root);
    }
  }

  private static FileChannel open(Path file) throws IOException {
    try {
      return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      Tree.Kind kind = Tree.lstat(file).kind();
      if (kind == Tree.Kind.LINK || kind == Tree.Kind.FOLDER || kind == Tree.Kind.SPECIAL) {
        throw FileOperationException.because("lock", file, "it is not a regular file; the"
            + " plugin keeps this name for its lock and never follows a link there");
      }
      throw FileOperationException.of("lock", file, e);
    }
  }

  /**
   * The file's identity (device and inode); {@link #ABSENT} when it is not there, null when
   * the file system has no identities.
   */
  private static Object identity(Path file) throws IOException {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
          .fileKey();
    } catch (NoSuchFileException e) {
      return ABSENT;
    } catch (IOException e) {
      throw FileOperationException.of("look at", file, e);
    }
  }

  /** Deletes the lock file while still holding it, then lets go. */
  @Override
  public void close() throws IOException {
    try {
      if (deleteOnRelease) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw FileOperationException.of("delete", file, e);
    } finally {
      try {
        lock.release();
        channel.close();
      } finally {
        permit.release();
      }
    }
  }

  private static String seconds(Duration wait) {
    return wait.toMillis() % 1000 == 0 ? wait.toSeconds() + " s" : wait.toMillis() / 1000.0 + " s";
  }

  /** Says once that the run waits, and how a wait that is too long ends. */
  private static final class Waiting {
    final Path root;
    final Duration wait;
    final WriteOptions.Notices notices;
    boolean said;

    Waiting(Path root, Duration wait, WriteOptions.Notices notices) {
      this.root = root;
      this.wait = wait;
      this.notices = notices;
    }

    void say() {
      if (!said) {
        said = true;
        notices.notice("another build is writing " + root + "; waiting for it, for up to "
            + seconds(wait));
      }
    }

    IOException timedOut() {
      return new IOException("another build has been writing " + root + " for more than "
          + seconds(wait) + " (it holds the lock on " + root.resolve(FILE_NAME)
          + "); nothing was written. A lock dies with its process, so some build is still"
          + " running: let it finish, or stop it");
    }
  }
}

package io.github.asgkms.output;

import java.time.Duration;

/**
 * How a run may write the output directory.
 *
 * @param force take the generated version on purpose: replace files at generated paths that
 *     were edited by hand or not written by the plugin, keep (and stop tracking) edited files
 *     that are no longer generated, and ignore manifest lines that do not parse. Links,
 *     folders and special files in the way are never replaced.
 * @param owner who writes the directory, such as a project's {@code groupId:artifactId}; a
 *     manifest of another owner is a conflict, so two projects cannot prune each other. Null
 *     claims nothing.
 * @param lockWait how long to wait for another build that is writing the same directory
 * @param notices where to say what the run did beyond writing: waiting, recovering, forcing
 */
public record WriteOptions(boolean force, String owner, Duration lockWait, Notices notices) {
  public static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(60);

  /** No force, no owner, the default wait, and notices dropped. */
  public static WriteOptions defaults() {
    return new WriteOptions(false, null, DEFAULT_LOCK_WAIT, Notices.NONE);
  }

  public WriteOptions withForce(boolean force) {
    return new WriteOptions(force, owner, lockWait, notices);
  }

  public WriteOptions withOwner(String owner) {
    return new WriteOptions(force, owner, lockWait, notices);
  }

  public WriteOptions withLockWait(Duration lockWait) {
    return new WriteOptions(force, owner, lockWait, notices);
  }

  public WriteOptions withNotices(Notices notices) {
    return new WriteOptions(force, owner, lockWait, notices);
  }

  /** Receives what a run has to say besides its result, one line at a time. */
  public interface Notices {
    Notices NONE = new Notices() {
      @Override
      public void notice(String line) {}
    };

    void notice(String line);
  }
}

package io.github.asgkms.output;

import java.time.Duration;
import java.util.Collection;

/**
 * How a run may write the output directory.
 *
 * @param force take the generated version on purpose: replace files at generated paths that
 *     were edited by hand or not written by the plugin, keep (and stop tracking) edited files
 *     that are no longer generated, ignore manifest lines that do not parse, and take over files
 *     written with another configuration. Links, folders and special files in the way are never
 *     replaced.
 * @param owner who writes the directory, such as a project's {@code groupId:artifactId}; a
 *     manifest of another owner is a conflict, so two projects cannot prune each other. Null
 *     claims nothing.
 * @param lockWait how long to wait for another build that is writing the same directory
 * @param notices where to say what the run did beyond writing: waiting, recovering, forcing
 * @param configuration what the files are rendered with, recorded in the manifest; null
 *     records nothing
 * @param sameConfiguration whether a run must refuse, unless forced, to write a directory whose
 *     manifest records another configuration: a run that stands in for another (a build's
 *     goal run from the command line) and would prune what that one owns
 */
public record WriteOptions(boolean force, String owner, Duration lockWait, Notices notices,
    Configuration configuration, boolean sameConfiguration) {
  public static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(60);

  /** No force, no owner, the default wait, notices dropped, no configuration recorded. */
  public static WriteOptions defaults() {
    return new WriteOptions(false, null, DEFAULT_LOCK_WAIT, Notices.NONE, null, false);
  }

  public WriteOptions withForce(boolean force) {
    return new WriteOptions(force, owner, lockWait, notices, configuration, sameConfiguration);
  }

  public WriteOptions withOwner(String owner) {
    return new WriteOptions(force, owner, lockWait, notices, configuration, sameConfiguration);
  }

  public WriteOptions withLockWait(Duration lockWait) {
    return new WriteOptions(force, owner, lockWait, notices, configuration, sameConfiguration);
  }

  public WriteOptions withNotices(Notices notices) {
    return new WriteOptions(force, owner, lockWait, notices, configuration, sameConfiguration);
  }

  public WriteOptions withConfiguration(Configuration configuration) {
    return new WriteOptions(force, owner, lockWait, notices, configuration, sameConfiguration);
  }

  public WriteOptions withSameConfiguration(boolean sameConfiguration) {
    return new WriteOptions(force, owner, lockWait, notices, configuration, sameConfiguration);
  }

  /** The manifest of {@code files} as this run writes it. */
  public GeneratedFile manifestOf(Collection<GeneratedFile> files) {
    return Manifest.of(files, owner, configuration).toFile();
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

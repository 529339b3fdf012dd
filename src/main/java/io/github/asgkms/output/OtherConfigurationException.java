package io.github.asgkms.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The output directory was written with another configuration than this run's, and this run
 * may not take it over (see {@link WriteOptions#sameConfiguration}), so it wrote nothing: it
 * would have rewritten, or pruned as stale, what that configuration owns.
 */
public final class OtherConfigurationException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient List<String> differences;
  private final int wouldDelete;

  OtherConfigurationException(Path directory, List<String> differences, int wouldDelete) {
    super(directory + " was written with another configuration: "
        + String.join("; ", differences) + ". Nothing was written.");
    this.differences = List.copyOf(differences);
    this.wouldDelete = wouldDelete;
  }

  /** How this run's configuration differs from the recorded one, one phrase each. */
  public List<String> differences() {
    return differences;
  }

  /** How many of the recorded configuration's files this run would have deleted. */
  public int wouldDelete() {
    return wouldDelete;
  }
}

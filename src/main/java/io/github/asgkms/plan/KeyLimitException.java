package io.github.asgkms.plan;

import io.github.asgkms.spec.KeySpec;
import java.util.List;

/**
 * Some key policy would hold more than KMS accepts, so nothing can be generated for it. Each
 * entry names the spec's key, so that the error can point at it in the spec.
 */
public final class KeyLimitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * One key (or replica) whose policy would be too large.
   *
   * @param key the spec's key
   * @param planName the key's or replica's plan name
   * @param size the policy's size in bytes, as written with the most white space any format
   *     gives it
   * @param launchers what the statements are for, in words
   */
  public record TooLarge(KeySpec key, String planName, int size, String launchers) {
    /** The error, in words for the spec's report. */
    public String message() {
      return "the key policy statements for " + planName + " would be " + size
          + " bytes, over KMS's limit of " + PolicySize.KEY_POLICY_LIMIT + " bytes for a whole"
          + " key policy (" + launchers + "); list fewer launchers that are roles of your own,"
          + " or give them one role";
    }
  }

  private final transient List<TooLarge> keys;

  public KeyLimitException(List<TooLarge> keys) {
    super(keys.get(0).message());
    this.keys = List.copyOf(keys);
  }

  public List<TooLarge> keys() {
    return keys;
  }
}

package io.github.asgkms.text;

/**
 * The one way this plugin numbers a series of names that IAM's size limit can make longer
 * than one: IAM policy names, the files that hold them and the names each format gives them.
 * The first keeps the plain name, so the usual case of one reads as if nothing were numbered;
 * the others carry their 1-based number: {@code asg-kms-create-grant},
 * {@code asg-kms-create-grant-2}, {@code asg-kms-create-grant-3}.
 */
public final class Numbering {
  private Numbering() {}

  /** The name at {@code index} (from 0): {@code first}, else its number after the separator. */
  public static String nth(String first, int index, String separator) {
    return index == 0 ? first : first + separator + (index + 1);
  }
}

package io.github.asgkms.spec;

import java.util.Comparator;

/**
 * One problem in a spec, located by file, line, column and the path of the offending value
 * ({@code keys[1].arn}). A problem with the file itself (missing, unreadable) has no mark.
 */
public record SpecError(String file, Mark mark, SpecPath path, String message)
    implements Comparable<SpecError> {

  private static final Comparator<SpecError> ORDER =
      Comparator.comparing(SpecError::mark, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(SpecError::toString);

  static SpecError ofFile(String file, String message) {
    return new SpecError(file, null, SpecPath.ROOT, message);
  }

  @Override
  public int compareTo(SpecError other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return mark == null ? file + ": " + message : file + ":" + mark + ": " + path + ": " + message;
  }
}

package io.github.asgkms.spec;

import java.util.List;
import java.util.stream.Collectors;

/** A spec that cannot be used, with every problem found in it, in file order. */
public class SpecException extends Exception {
  private static final long serialVersionUID = 1L;
  /** The message lists at most this many errors, then says how many more there are. */
  public static final int SHOWN = 100;

  private final transient List<SpecError> errors;

  public SpecException(List<SpecError> errors) {
    super(describe(errors));
    this.errors = List.copyOf(errors);
  }

  public List<SpecError> errors() {
    return errors;
  }

  private static String describe(List<SpecError> errors) {
    String header = errors.size() == 1 ? "1 error in the spec:" : errors.size() + " errors in the spec:";
    String shown = errors.stream().limit(SHOWN).map(SpecError::toString)
        .collect(Collectors.joining("\n", header + "\n", ""));
    return errors.size() <= SHOWN ? shown
        : shown + "\n... and " + (errors.size() - SHOWN) + " more errors";
  }
}

package io.github.asgkms.spec;

import java.util.List;
import java.util.stream.Collectors;

/** A spec that cannot be used, with every problem found in it, in file order. */
public class SpecException extends Exception {
  private static final long serialVersionUID = 1L;

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
    return errors.stream().map(SpecError::toString).collect(Collectors.joining("\n", header + "\n", ""));
  }
}

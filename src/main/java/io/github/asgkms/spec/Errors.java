package io.github.asgkms.spec;

import java.util.ArrayList;
import java.util.List;

/** Collects a spec's errors so that one run reports them all. */
final class Errors {
  private final String file;
  private final List<SpecError> errors = new ArrayList<>();

  Errors(String file) {
    this.file = file;
  }

  void add(Mark mark, SpecPath path, String message) {
    errors.add(new SpecError(file, mark, path, message));
  }

  boolean isEmpty() {
    return errors.isEmpty();
  }

  void throwIfAny() throws SpecException {
    if (!errors.isEmpty()) {
      throw new SpecException(errors.stream().sorted().toList());
    }
  }
}

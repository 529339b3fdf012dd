package io.github.asgkms.spec;

import java.util.Optional;

/**
 * Binds the YAML tree to spec v1: each declared field of {@link Spec} and {@link KeySpec} read
 * with its own checks, then the {@link Rules} that compare fields, each problem added to the
 * shared errors rather than stopping at the first.
 */
final class SpecBinder {
  private final Errors errors;

  SpecBinder(Errors errors) {
    this.errors = errors;
  }

  /** The spec, or null when any error was found. */
  Spec bind(YamlNode root) {
    Optional<Values> values = Types.mapping(root, SpecPath.ROOT, errors)
        .map(mapping -> Spec.FIELDS.read(mapping, SpecPath.ROOT, errors));
    values.ifPresent(spec -> Rules.check(spec, errors));
    return errors.isEmpty() ? values.map(Spec::new).orElse(null) : null;
  }
}

package io.github.asgkms.output;

import io.github.asgkms.text.Printable;
import java.util.ArrayList;
import java.util.List;

/**
 * What shapes an output directory besides the spec's content: the formats, the spec as the
 * build names it, and whether the user's own templates are used. The manifest records it, so
 * that a run configured otherwise can tell that the files were written for another
 * configuration, and that pruning them would delete what that one owns.
 *
 * @param formats the format names, sorted
 * @param spec the spec's label, such as its path relative to the project
 * @param ownTemplates whether a template directory overrides the built-in templates
 */
public record Configuration(List<String> formats, String spec, boolean ownTemplates) {
  static final int MAX_SPEC_CHARS = 1000;

  public Configuration {
    List<String> sorted = new ArrayList<>(formats);
    sorted.sort(null);
    formats = List.copyOf(sorted);
    if (formats.isEmpty() || !formats.stream().allMatch(Configuration::isFormat)) {
      throw new IllegalArgumentException("not a list of format names: " + formats);
    }
    if (!isSpec(spec)) {
      throw new IllegalArgumentException("not a spec label: " + Printable.quote(spec));
    }
  }

  /** The lines of the manifest that record it. */
  List<String> lines() {
    return List.of("formats " + String.join(",", formats), "spec " + spec,
        "templates " + (ownTemplates ? "own" : "built-in"));
  }

  /**
   * How this configuration differs from the {@code recorded} one, one phrase per difference;
   * empty when they are the same.
   */
  public List<String> differencesFrom(Configuration recorded) {
    List<String> differences = new ArrayList<>();
    if (!formats.equals(recorded.formats)) {
      differences.add("the formats were " + String.join(",", recorded.formats)
          + ", this run's are " + String.join(",", formats));
    }
    if (!spec.equals(recorded.spec)) {
      differences.add("the spec was " + recorded.spec + ", this run's is " + spec);
    }
    if (ownTemplates != recorded.ownTemplates) {
      differences.add(recorded.ownTemplates ? "the files were rendered from your templates,"
          + " this run uses the built-in ones only" : "the files were rendered from the built-in"
          + " templates, this run uses your template directory");
    }
    return differences;
  }

  static boolean isFormat(String name) {
    return !name.isEmpty() && name.length() <= 40 && name.chars().allMatch(
        c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-');
  }

  /** Whether a label can be recorded: one line of printable text, not too long. */
  public static boolean isSpec(String label) {
    return label != null && !label.isEmpty() && label.length() <= MAX_SPEC_CHARS
        && label.chars().noneMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029);
  }
}

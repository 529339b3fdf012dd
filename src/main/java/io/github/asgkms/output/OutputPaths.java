package io.github.asgkms.output;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Turns a generated file's relative path into a place under the output directory, refusing any
 * path that could leave it or that names the plugin's own bookkeeping ({@code .asg-kms*}) or a
 * {@code .git} folder. Paths are built from spec values and read from the manifest, so this is
 * the last line of defence.
 */
public final class OutputPaths {
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");
  /** The manifest, the lock and the staging folder all start with this. */
  static final String RESERVED_PREFIX = ".asg-kms";

  private OutputPaths() {}

  public static Path resolve(Path outputDirectory, String relativePath) {
    String problem = problem(relativePath);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    Path base = outputDirectory.toAbsolutePath().normalize();
    Path resolved = base.resolve(relativePath).normalize();
    if (!resolved.startsWith(base) || resolved.equals(base)) {
      throw new IllegalArgumentException("'" + relativePath + "' leaves the output directory");
    }
    return resolved;
  }

  /** Why {@code relativePath} is not one the plugin would ever write, or null if it is. */
  static String problem(String relativePath) {
    if (relativePath.isEmpty() || relativePath.startsWith("/")) {
      return "not a relative path: '" + relativePath + "'";
    }
    for (String segment : relativePath.split("/", -1)) {
      if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")
          || segment.equals(".git")) {
        return "unsafe path segment '" + segment + "' in '" + relativePath + "'";
      }
    }
    if (relativePath.startsWith(RESERVED_PREFIX)) {
      return "'" + relativePath + "' is a name the plugin keeps for itself";
    }
    return null;
  }
}

package io.github.asgkms.output;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Turns a generated file's relative path into a place under the output directory, refusing any
 * path that could leave it. Paths are built from spec values, so this is the last line of
 * defence.
 */
public final class OutputPaths {
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");

  private OutputPaths() {}

  public static Path resolve(Path outputDirectory, String relativePath) {
    if (relativePath.isEmpty() || relativePath.startsWith("/")) {
      throw new IllegalArgumentException("not a relative path: '" + relativePath + "'");
    }
    for (String segment : relativePath.split("/", -1)) {
      if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
        throw new IllegalArgumentException(
            "unsafe path segment '" + segment + "' in '" + relativePath + "'");
      }
    }
    Path base = outputDirectory.toAbsolutePath().normalize();
    Path resolved = base.resolve(relativePath).normalize();
    if (!resolved.startsWith(base) || resolved.equals(base)) {
      throw new IllegalArgumentException("'" + relativePath + "' leaves the output directory");
    }
    return resolved;
  }
}

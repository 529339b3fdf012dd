package io.github.asgkms;

import io.github.asgkms.render.Format;
import java.nio.file.Path;
import java.util.Set;

/**
 * What to generate, independent of how it was asked for.
 *
 * @param spec the spec file
 * @param specLabel the spec as errors and generated headers name it, such as a path relative to
 *     the project, so output does not depend on where the project lives
 * @param outputDirectory where the files go
 * @param formats the formats to render
 * @param templateDirectory a folder of templates overriding the built-ins file by file, or null
 */
public record GenerateRequest(
    Path spec, String specLabel, Path outputDirectory, Set<Format> formats, Path templateDirectory) {

  public GenerateRequest {
    formats = Set.copyOf(formats);
    if (formats.isEmpty()) {
      throw new IllegalArgumentException("at least one format is required");
    }
  }
}

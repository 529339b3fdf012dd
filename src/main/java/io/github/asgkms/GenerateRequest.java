package io.github.asgkms;

import io.github.asgkms.render.Format;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * @param stampFile where to record the inputs of the last run, so an unchanged build does no
 *     work; null to always render
 * @param generatorVersion the plugin's version, part of the stamp
 * @param accessTables whether to write ACCESS.md, the access tables, in each account folder
 */
public record GenerateRequest(
    Path spec,
    String specLabel,
    Path outputDirectory,
    Set<Format> formats,
    Path templateDirectory,
    Path stampFile,
    String generatorVersion,
    boolean accessTables) {

  public GenerateRequest {
    specLabel = printable(specLabel);
    formats = Set.copyOf(formats);
    if (formats.isEmpty()) {
      throw new IllegalArgumentException("at least one format is required");
    }
  }

  /** A request that always renders and keeps no stamp. */
  public GenerateRequest(Path spec, String specLabel, Path outputDirectory, Set<Format> formats,
      Path templateDirectory) {
    this(spec, specLabel, outputDirectory, formats, templateDirectory, null, "");
  }

  /** A request with the access tables, as by default. */
  public GenerateRequest(Path spec, String specLabel, Path outputDirectory, Set<Format> formats,
      Path templateDirectory, Path stampFile, String generatorVersion) {
    this(spec, specLabel, outputDirectory, formats, templateDirectory, stampFile,
        generatorVersion, true);
  }

  /**
   * The label with line breaks and other control characters replaced: it is written into
   * comments, where escaping cannot help, and a file name may hold anything.
   */
  private static String printable(String label) {
    StringBuilder out = new StringBuilder(label.length());
    for (int i = 0; i < label.length(); ) {
      int c = label.codePointAt(i);
      out.appendCodePoint(Character.isISOControl(c) || c == 0x2028 || c == 0x2029 ? '?' : c);
      i += Character.charCount(c);
    }
    return out.toString();
  }

  /**
   * Every parameter that shapes the output, in a fixed order, for the stamp. Plain loops: this
   * is on the up-to-date path, where streams and lambdas cost more to start than the work.
   */
  List<String> stampParameters() {
    List<String> ids = new ArrayList<>();
    for (Format format : formats) {
      ids.add(format.id());
    }
    ids.sort(null);
    return List.of("version " + generatorVersion, "label " + specLabel,
        "formats " + String.join(",", ids), "templates " + (templateDirectory != null),
        "access tables " + accessTables);
  }
}

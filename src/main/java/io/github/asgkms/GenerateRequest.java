package io.github.asgkms;

import io.github.asgkms.output.Configuration;
import io.github.asgkms.render.Format;
import io.github.asgkms.render.Renderer;
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
 * @param regenerateCommand the command the generated headers give for regenerating this output,
 *     as the build that asks knows it; it shapes the output, so it is part of the stamp
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
    String regenerateCommand,
    boolean accessTables) {

  public GenerateRequest {
    specLabel = printable(specLabel);
    regenerateCommand = printable(regenerateCommand);
    formats = Set.copyOf(formats);
    if (formats.isEmpty()) {
      throw new IllegalArgumentException("at least one format is required");
    }
  }

  /** A request with the access tables, as by default. */
  public GenerateRequest(Path spec, String specLabel, Path outputDirectory, Set<Format> formats,
      Path templateDirectory, Path stampFile, String generatorVersion,
      String regenerateCommand) {
    this(spec, specLabel, outputDirectory, formats, templateDirectory, stampFile,
        generatorVersion, regenerateCommand, true);
  }

  /** A request whose headers give {@link Renderer#DEFAULT_REGENERATE_COMMAND}. */
  public GenerateRequest(Path spec, String specLabel, Path outputDirectory, Set<Format> formats,
      Path templateDirectory, Path stampFile, String generatorVersion) {
    this(spec, specLabel, outputDirectory, formats, templateDirectory, stampFile,
        generatorVersion, Renderer.DEFAULT_REGENERATE_COMMAND);
  }

  /** A request that always renders and keeps no stamp. */
  public GenerateRequest(Path spec, String specLabel, Path outputDirectory, Set<Format> formats,
      Path templateDirectory) {
    this(spec, specLabel, outputDirectory, formats, templateDirectory, null, "");
  }

  /**
   * The text with line breaks and other control characters replaced: the label and the command
   * are written into comments, where escaping cannot help, and a file name or a POM may hold
   * anything.
   */
  private static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      out.appendCodePoint(Character.isISOControl(c) || c == 0x2028 || c == 0x2029 ? '?' : c);
      i += Character.charCount(c);
    }
    return out.toString();
  }

  /**
   * What the manifest records of this request, so that another configuration can tell the
   * files are not its own; null when the spec's label cannot be recorded.
   */
  public Configuration configuration() {
    if (!Configuration.isSpec(specLabel)) {
      return null;
    }
    List<String> ids = new ArrayList<>();
    for (Format format : formats) {
      ids.add(format.id());
    }
    return new Configuration(ids, specLabel, templateDirectory != null);
  }

  /** Every parameter that shapes the output, in a fixed order, for the stamp. */
  List<String> stampParameters() {
    List<String> ids = new ArrayList<>();
    for (Format format : formats) {
      ids.add(format.id());
    }
    ids.sort(null);
    return List.of("version " + generatorVersion, "label " + specLabel,
        "formats " + String.join(",", ids), "templates " + (templateDirectory != null),
        "command " + regenerateCommand, "access tables " + accessTables);
  }
}

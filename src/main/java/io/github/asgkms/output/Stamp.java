package io.github.asgkms.output;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the last run saw, as two checksums: one over everything that shapes the output (the
 * spec's bytes, the templates in effect, the parameters and the generator's version), and one
 * over the files it owns in the output directory, manifest included. When both match, there is
 * nothing to do. Computing them reads raw bytes only: no YAML parser, no template engine. It
 * runs on every build, so it does no more than that: the built-in templates are read by name
 * through the plugin's own class loader, whose jar is open already, no stream or lambda is
 * started, and the checksums are CRCs ({@link StampChecksum}).
 */
public final class Stamp {
  private static final String BUILT_IN_TEMPLATES = "templates/";

  private Stamp() {}

  /**
   * @param parameters every parameter that changes the output, in a fixed order
   * @param builtInTemplates the built-in templates, by path under {@code /templates}
   * @param templateDirectory the user's template folder, or null
   */
  public static String compute(Path spec, List<String> parameters, List<String> builtInTemplates,
      Path templateDirectory) throws IOException {
    StampChecksum checksum = new StampChecksum().text("asg-kms stamp 3");
    for (String parameter : parameters) {
      checksum.text(parameter);
    }
    checksum.text("spec").bytes(Files.readAllBytes(spec));
    for (String name : builtInTemplates) {
      checksum.text("template " + name).bytes(builtInTemplate(name));
    }
    if (templateDirectory != null && Files.isDirectory(templateDirectory)) {
      for (Map.Entry<String, byte[]> template : userTemplates(templateDirectory).entrySet()) {
        checksum.text("user template " + template.getKey()).bytes(template.getValue());
      }
    }
    return checksum.hex();
  }

  /** The checksum of generated files and their manifest, as {@link #ofOutput} reads them. */
  public static String ofGenerated(Collection<GeneratedFile> files, GeneratedFile manifest) {
    StampChecksum checksum = new StampChecksum().bytes(manifest.content());
    for (GeneratedFile file : files) {
      checksum.text(file.path()).bytes(file.content());
    }
    return checksum.hex();
  }

  /**
   * The checksum of the owned files in an output directory: the manifest, then each file it
   * lists, in its order. Null when the manifest or one of its files is missing, or lists a
   * path that the plugin would never have written.
   */
  public static String ofOutput(OutputDirectory output) throws IOException {
    Path manifestFile = output.root().resolve(Manifest.FILE_NAME);
    if (!Files.isRegularFile(manifestFile)) {
      return null;
    }
    byte[] manifestBytes = Files.readAllBytes(manifestFile);
    StampChecksum checksum = new StampChecksum().bytes(manifestBytes);
    for (String owned : Manifest.parse(manifestBytes).hashesByPath().keySet()) {
      Path file = output.resolveOwned(owned);
      if (file == null || !Files.isRegularFile(file)) {
        return null;
      }
      checksum.text(owned).bytes(Files.readAllBytes(file));
    }
    return checksum.hex();
  }

  /** The recorded checksums, or null when there are none. */
  public static Recorded read(Path stampFile) throws IOException {
    try {
      List<String> lines = Files.readAllLines(stampFile, StandardCharsets.UTF_8);
      return lines.size() == 2 ? new Recorded(lines.get(0), lines.get(1)) : null;
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  public static void write(Path stampFile, Recorded recorded) throws IOException {
    OutputDirectory.writeAtomically(stampFile.toAbsolutePath(),
        (recorded.inputs() + "\n" + recorded.output() + "\n")
            .getBytes(StandardCharsets.UTF_8));
  }

  /**
   * What the last successful run recorded.
   *
   * @param inputs the checksum of its inputs, from {@link #compute}
   * @param output the checksum of the files it owned afterwards, from {@link #ofGenerated}
   */
  public record Recorded(String inputs, String output) {}

  /** A template packaged with the plugin, from its jar or, in development, its classes. */
  static byte[] builtInTemplate(String name) throws IOException {
    try (InputStream in = Stamp.class.getClassLoader()
        .getResourceAsStream(BUILT_IN_TEMPLATES + name)) {
      if (in == null) {
        throw new IOException("the built-in template " + name + " is missing from the plugin");
      }
      return in.readAllBytes();
    }
  }

  private static SortedMap<String, byte[]> userTemplates(Path directory) throws IOException {
    SortedMap<String, byte[]> templates = new TreeMap<>();
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        templates.put(directory.relativize(file).toString().replace('\\', '/'),
            Files.readAllBytes(file));
      }
    }
    return templates;
  }
}

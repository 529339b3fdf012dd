package io.github.asgkms.output;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A hash over everything that shapes the output: the spec's bytes, the templates in effect,
 * the parameters and the generator's version. When it matches the last run's and the owned
 * files are intact, there is nothing to do. Computing it reads raw bytes only: no YAML
 * parser, no template engine. It runs on every build, so it does no more than that: the
 * built-in templates are read by name through the plugin's own class loader, whose jar is open
 * already, and no stream or lambda is started.
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
    MessageDigest digest = Sha256.newDigest();
    update(digest, "asg-kms stamp 2");
    for (String parameter : parameters) {
      update(digest, parameter);
    }
    update(digest, "spec");
    digest.update(Files.readAllBytes(spec));
    for (String name : builtInTemplates) {
      update(digest, "template " + name, builtInTemplate(name));
    }
    if (templateDirectory != null && Files.isDirectory(templateDirectory)) {
      for (Map.Entry<String, byte[]> template : userTemplates(templateDirectory).entrySet()) {
        update(digest, "user template " + template.getKey(), template.getValue());
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The recorded stamp and manifest hash, or null when there is none. */
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
        (recorded.inputs() + "\n" + recorded.manifestHash() + "\n")
            .getBytes(StandardCharsets.UTF_8));
  }

  /**
   * What the last successful run recorded.
   *
   * @param inputs the stamp of its inputs
   * @param manifestHash the SHA-256 of the manifest it wrote
   */
  public record Recorded(String inputs, String manifestHash) {}

  private static void update(MessageDigest digest, String label, byte[] bytes) {
    update(digest, label);
    update(digest, Integer.toString(bytes.length));
    digest.update(bytes);
  }

  /** Length-prefixed, so that no two different inputs hash the same byte stream. */
  private static void update(MessageDigest digest, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
    digest.update(bytes);
  }

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

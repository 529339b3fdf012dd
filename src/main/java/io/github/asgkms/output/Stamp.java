package io.github.asgkms.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A hash over everything that shapes the output: the spec's bytes, the templates in effect,
 * the parameters and the generator's version. When it matches the last run's and the owned
 * files are intact, there is nothing to do. Computing it reads raw bytes only: no YAML
 * parser, no template engine.
 */
public final class Stamp {
  private static final String BUILT_IN_TEMPLATES = "templates/";

  private Stamp() {}

  /**
   * @param parameters every parameter that changes the output, in a fixed order
   * @param templateDirectory the user's template folder, or null
   */
  public static String compute(Path spec, List<String> parameters, Path templateDirectory)
      throws IOException {
    MessageDigest digest = Sha256.newDigest();
    update(digest, "asg-kms stamp 1");
    for (String parameter : parameters) {
      update(digest, parameter);
    }
    update(digest, "spec");
    digest.update(Files.readAllBytes(spec));
    builtInTemplates().forEach((name, bytes) -> update(digest, "template " + name, bytes));
    if (templateDirectory != null && Files.isDirectory(templateDirectory)) {
      userTemplates(templateDirectory).forEach((name, bytes) ->
          update(digest, "user template " + name, bytes));
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

  /** The templates packaged with the plugin, from its jar or, in development, its classes. */
  static SortedMap<String, byte[]> builtInTemplates() throws IOException {
    SortedMap<String, byte[]> templates = new TreeMap<>();
    URL root = Stamp.class.getClassLoader().getResource(BUILT_IN_TEMPLATES);
    if (root == null) {
      return templates;
    }
    if (root.getProtocol().equals("jar")) {
      JarURLConnection connection = (JarURLConnection) root.openConnection();
      connection.setUseCaches(false);
      try (JarFile jar = connection.getJarFile()) {
        for (JarEntry entry : jar.stream().toList()) {
          if (entry.getName().startsWith(BUILT_IN_TEMPLATES) && !entry.isDirectory()) {
            try (InputStream in = jar.getInputStream(entry)) {
              templates.put(entry.getName().substring(BUILT_IN_TEMPLATES.length()),
                  in.readAllBytes());
            }
          }
        }
      }
      return templates;
    }
    try {
      Path directory = Path.of(root.toURI());
      templates.putAll(userTemplates(directory));
    } catch (URISyntaxException e) {
      throw new UncheckedIOException(new IOException("cannot list " + root, e));
    }
    return templates;
  }
}

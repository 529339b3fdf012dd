package io.github.asgkms.output;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the last run saw, as two checksums: one over everything that shapes the output (the
 * spec's bytes, the templates in effect, the parameters and the generator's version), and one
 * over the files it owns in the output directory, manifest included. When both match, there is
 * nothing to do. Computing them reads raw bytes only: no YAML parser, no template engine,
 * whose start-up would cost more than the rest of an up-to-date build's share. The built-in
 * templates are read by name through the plugin's own class loader, whose jar is open
 * already, and the checksums are CRCs ({@link StampChecksum}).
 */
public final class Stamp {
  private static final String BUILT_IN_TEMPLATES = "templates/";
  /** An input bigger than this is not stamped: the run renders, and reports it if need be. */
  static final long MAX_INPUT_BYTES = 16L * 1024 * 1024;
  /** A stamp is two lines of 16 hex digits; anything much bigger is not one. */
  private static final long MAX_STAMP_BYTES = 1024;

  private Stamp() {}

  /**
   * @param parameters every parameter that changes the output, in a fixed order
   * @param builtInTemplates the built-in templates, by path under {@code /templates}
   * @param templateDirectory the user's template folder, or null
   * @return the checksum; null when an input is not a regular file or is too big to be worth
   *     stamping, so the run renders and the spec reader says what is wrong
   */
  public static String compute(Path spec, List<String> parameters, List<String> builtInTemplates,
      Path templateDirectory) throws IOException {
    byte[] specBytes = boundedInput(spec);
    if (specBytes == null) {
      return null;
    }
    StampChecksum checksum = new StampChecksum().text("asg-kms stamp 3");
    for (String parameter : parameters) {
      checksum.text(parameter);
    }
    checksum.text("spec").bytes(specBytes);
    for (String name : builtInTemplates) {
      checksum.text("template " + name).bytes(builtInTemplate(name));
    }
    if (templateDirectory != null && Files.isDirectory(templateDirectory)) {
      SortedMap<String, byte[]> templates = userTemplates(templateDirectory);
      if (templates == null) {
        return null;
      }
      for (Map.Entry<String, byte[]> template : templates.entrySet()) {
        checksum.text("user template " + template.getKey()).bytes(template.getValue());
      }
    }
    return checksum.hex();
  }

  /** The checksum of generated files and their manifest, as {@link #ofOutput} reads them. */
  public static String ofGenerated(Collection<GeneratedFile> files, GeneratedFile manifest) {
    StampChecksum checksum = new StampChecksum().bytes(manifest.content());
    for (GeneratedFile file : files) {
      checksum.text(file.path()).text(file.executable() ? "x" : "-").bytes(file.content());
    }
    return checksum.hex();
  }

  /**
   * The checksum of the owned files in an output directory: the manifest, then each file it
   * lists, in its order, with its executable bit. Null when the manifest or one of its files is missing, is not a
   * regular file, sits behind a link, or when the manifest has a line that does not parse or
   * an interrupted run left work: a full run then says what is wrong, or finishes the work.
   */
  public static String ofOutput(OutputDirectory output) throws IOException {
    if (output.hasLeftovers()) {
      return null;
    }
    Manifest.Loaded manifest = Manifest.load(output.root());
    if (manifest.state() != Manifest.State.FILE || !manifest.problems().isEmpty()) {
      return null;
    }
    StampChecksum checksum = new StampChecksum().bytes(manifest.bytes());
    Tree tree = new Tree(output.root());
    Set<String> executables = manifest.manifest().executables();
    for (String owned : manifest.manifest().hashesByPath().keySet()) {
      Tree.Entry entry = tree.at(owned);
      byte[] bytes = entry.kind() == Tree.Kind.FILE
          ? Tree.read(output.root().resolve(owned), SyncPlan.MAX_FILE_BYTES) : null;
      if (bytes == null) {
        return null;
      }
      // Where the file system has no executable bit, the file is as the manifest says.
      boolean executable = entry.mode() == Modes.UNKNOWN ? executables.contains(owned)
          : Modes.isExecutable(entry.mode());
      checksum.text(owned).text(executable ? "x" : "-").bytes(bytes);
    }
    return checksum.hex();
  }

  /**
   * The recorded checksums, or null when there are none or the stamp is not one (damaged,
   * not text, a folder, a FIFO): it is a cache, so a bad one is ignored and replaced.
   */
  public static Recorded read(Path stampFile) throws IOException {
    Tree.Entry entry = Tree.lstat(stampFile);
    if (entry.kind() != Tree.Kind.FILE || entry.size() > MAX_STAMP_BYTES) {
      return null;
    }
    byte[] bytes = Tree.read(stampFile, MAX_STAMP_BYTES);
    if (bytes == null) {
      return null;
    }
    String[] lines = new String(bytes, StandardCharsets.ISO_8859_1).split("\n", -1);
    if (lines.length != 3 || !lines[2].isEmpty() || !isChecksum(lines[0])
        || !isChecksum(lines[1])) {
      return null;
    }
    return new Recorded(lines[0], lines[1]);
  }

  public static void write(Path stampFile, Recorded recorded) throws IOException {
    OutputDirectory.writeAtomically(stampFile.toAbsolutePath(),
        (recorded.inputs() + "\n" + recorded.output() + "\n")
            .getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The stamp of one execution, in {@code buildDirectory}/asg-kms and never outside it,
   * whatever the execution is called: an id that is not a plain file name is replaced by a
   * name made from its hash.
   */
  public static Path fileFor(Path buildDirectory, String executionId) {
    String name = executionId != null && executionId.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
        ? executionId
        : "execution-" + Sha256.hex(String.valueOf(executionId)
            .getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    Path folder = buildDirectory.toAbsolutePath().normalize().resolve("asg-kms");
    return folder.resolve(name + ".stamp");
  }

  private static boolean isChecksum(String text) {
    if (text.length() != 16) {
      return false;
    }
    for (int i = 0; i < 16; i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  /**
   * What the last successful run recorded.
   *
   * @param inputs the checksum of its inputs, from {@link #compute}
   * @param output the checksum of the files it owned afterwards, from {@link #ofGenerated}
   */
  public record Recorded(String inputs, String output) {}

  /** An input's bytes; null when it is not a regular file or is over the bound. */
  private static byte[] boundedInput(Path file) throws IOException {
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > MAX_INPUT_BYTES) {
        return null;
      }
      try (InputStream in = Files.newInputStream(file)) {
        byte[] bytes = in.readNBytes((int) MAX_INPUT_BYTES + 1);
        return bytes.length > MAX_INPUT_BYTES ? null : bytes;
      }
    } catch (IOException e) {
      throw FileOperationException.of("read", file, e);
    }
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

  /** The user's templates by relative path; null when one is too big to stamp. */
  private static SortedMap<String, byte[]> userTemplates(Path directory) throws IOException {
    SortedMap<String, byte[]> templates = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(directory)) {
      files = walk.filter(Files::isRegularFile).toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      throw FileOperationException.of("list the templates in", directory,
          e instanceof IOException io ? io : ((java.io.UncheckedIOException) e).getCause());
    }
    for (Path file : files) {
      byte[] bytes = boundedInput(file);
      if (bytes == null) {
        return null;
      }
      templates.put(directory.relativize(file).toString().replace('\\', '/'), bytes);
    }
    return templates;
  }
}

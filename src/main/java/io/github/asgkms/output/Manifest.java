package io.github.asgkms.output;

import io.github.asgkms.text.Printable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The files the plugin wrote into an output directory, each with its SHA-256, and the project
 * that wrote them. The hash is the proof of ownership: the plugin replaces or deletes a file
 * only while its bytes still hash to what is recorded here, so a line in a tampered manifest
 * cannot make it touch a file of the user's. The hashes also let an up-to-date run prove the
 * files intact without rendering anything.
 *
 * <p>The text, format 2:
 *
 * <pre>
 * # comment lines
 * format 2
 * owner io.github.example:infra
 * &lt;64 hex digits&gt; terraform/account-111122223333/versions.tf
 * </pre>
 *
 * <p>Format 1, which had neither the {@code format} nor the {@code owner} line, is read too.
 */
public final class Manifest {
  public static final String FILE_NAME = ".asg-kms-manifest";
  static final int FORMAT = 2;
  /** About 600 times the manifest of 10,000 keys in every format; checked before reading. */
  static final long MAX_BYTES = 64L * 1024 * 1024;

  private static final String HEADER = """
      # The files asg-kms-maven-plugin wrote into this folder, with their SHA-256. It replaces
      # or deletes a file only while its bytes match. Commit this file with them.
      """;

  private final SortedMap<String, String> hashesByPath;
  private final String owner;

  private Manifest(SortedMap<String, String> hashesByPath, String owner) {
    this.hashesByPath = Collections.unmodifiableSortedMap(hashesByPath);
    this.owner = owner;
  }

  public static Manifest of(Collection<GeneratedFile> files) {
    return of(files, null);
  }

  /** @param owner who writes the files, such as a project's coordinates; null for no one */
  public static Manifest of(Collection<GeneratedFile> files, String owner) {
    if (owner != null && !isOwner(owner)) {
      throw new IllegalArgumentException("not an owner name: " + Printable.quote(owner));
    }
    SortedMap<String, String> hashes = new TreeMap<>();
    for (GeneratedFile file : files) {
      hashes.put(file.path(), Sha256.hex(file.content()));
    }
    return new Manifest(hashes, owner);
  }

  /**
   * The manifest in {@code outputDirectory}, its lines that do not parse left out; empty when
   * there is none.
   */
  public static Manifest read(Path outputDirectory) throws IOException {
    Loaded loaded = load(outputDirectory);
    return loaded.manifest();
  }

  /**
   * The manifest file as found: never followed if it is a link, never opened if it is not a
   * regular file, and its size checked before it is read.
   */
  static Loaded load(Path outputDirectory) throws IOException {
    Path file = outputDirectory.resolve(FILE_NAME);
    Tree.Entry entry = Tree.lstat(file);
    return switch (entry.kind()) {
      case ABSENT -> new Loaded(State.ABSENT, empty(), List.of(), null);
      case FILE -> {
        if (entry.size() > MAX_BYTES) {
          yield new Loaded(State.TOO_LARGE, empty(), List.of(
              "it is " + entry.size() + " bytes; a manifest may be at most " + MAX_BYTES), null);
        }
        byte[] bytes = Tree.read(file, MAX_BYTES);
        if (bytes == null) {
          yield new Loaded(State.TOO_LARGE, empty(), List.of(
              "it grew past " + MAX_BYTES + " bytes while it was read"), null);
        }
        Parsed parsed = parse(bytes);
        yield new Loaded(State.FILE, parsed.manifest(), parsed.problems(), bytes);
      }
      case LINK -> new Loaded(State.LINK, empty(), List.of(), null);
      default -> new Loaded(State.NOT_A_FILE, empty(), List.of(), null);
    };
  }

  /** What {@link #load} found. */
  enum State {
    ABSENT,
    FILE,
    TOO_LARGE,
    LINK,
    NOT_A_FILE
  }

  /**
   * @param state what is at the manifest's path
   * @param manifest the lines that parse
   * @param problems the lines that do not, each described
   * @param bytes the file's bytes, when it was read
   */
  record Loaded(State state, Manifest manifest, List<String> problems, byte[] bytes) {}

  /** A manifest and its lines that did not parse. */
  record Parsed(Manifest manifest, List<String> problems) {}

  /** A manifest from its bytes, strictly: every line that is not exactly right is a problem. */
  static Parsed parse(byte[] bytes) {
    List<String> problems = new ArrayList<>();
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      problems.add("it is not UTF-8 text");
      return new Parsed(empty(), problems);
    }
    SortedMap<String, String> hashes = new TreeMap<>();
    String owner = null;
    int format = 1;
    boolean formatSeen = false;
    String[] lines = text.split("\n", -1);
    int count = text.endsWith("\n") ? lines.length - 1 : lines.length;
    for (int i = 0; i < count; i++) {
      String line = lines[i];
      String problem = null;
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      } else if (line.startsWith("format ")) {
        if (formatSeen || owner != null || !hashes.isEmpty()) {
          problem = "the format line must come first, once";
        } else {
          formatSeen = true;
          format = formatNumber(line.substring("format ".length()));
          if (format < 1 || format > FORMAT) {
            problems.add(describe(i, line, "format " + (format < 1 ? "unknown" : format
                + " is newer than this plugin reads (" + FORMAT + ")")));
            return new Parsed(empty(), problems); // nothing else in it can be trusted
          }
        }
      } else if (line.startsWith("owner ")) {
        String name = line.substring("owner ".length());
        if (format < 2 || owner != null || !hashes.isEmpty()) {
          problem = "an owner line belongs after the format line, once";
        } else if (!isOwner(name)) {
          problem = "not an owner name";
        } else {
          owner = name;
        }
      } else {
        problem = entry(line, hashes);
      }
      if (problem != null) {
        problems.add(describe(i, line, problem));
      }
    }
    return new Parsed(new Manifest(hashes, owner), problems);
  }

  /** Adds the entry on {@code line}; or says why it is not one. */
  private static String entry(String line, SortedMap<String, String> hashes) {
    int space = line.indexOf(' ');
    if (space != 64 || !isHash(line.substring(0, 64))) {
      return "expected a SHA-256 (64 lowercase hex digits), a space and a path";
    }
    String path = line.substring(space + 1);
    String problem = OutputPaths.problem(path);
    if (problem != null) {
      return problem;
    }
    if (hashes.putIfAbsent(path, line.substring(0, 64)) != null) {
      return "the path is listed twice";
    }
    return null;
  }

  private static String describe(int index, String line, String problem) {
    String shown = line.length() > 100 ? line.substring(0, 100) + "..." : line;
    return "line " + (index + 1) + " " + Printable.quote(shown) + ": " + problem;
  }

  private static int formatNumber(String digits) {
    if (digits.isEmpty() || digits.length() > 6) {
      return -1;
    }
    for (int i = 0; i < digits.length(); i++) {
      if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
        return -1;
      }
    }
    return Integer.parseInt(digits);
  }

  private static boolean isHash(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return text.length() == 64;
  }

  /** An owner is one printable ASCII word, such as {@code group:artifact}. */
  private static boolean isOwner(String name) {
    if (name.isEmpty() || name.length() > 200) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) <= ' ' || name.charAt(i) >= 0x7F) {
        return false;
      }
    }
    return true;
  }

  private static Manifest empty() {
    return new Manifest(new TreeMap<>(), null);
  }

  /** Owned paths and their SHA-256, sorted by path. */
  public SortedMap<String, String> hashesByPath() {
    return hashesByPath;
  }

  /** Who wrote the files, or null when the manifest does not say. */
  public String owner() {
    return owner;
  }

  public boolean isEmpty() {
    return hashesByPath.isEmpty();
  }

  public GeneratedFile toFile() {
    StringBuilder text = new StringBuilder(HEADER).append("format ").append(FORMAT).append('\n');
    if (owner != null) {
      text.append("owner ").append(owner).append('\n');
    }
    for (var entry : hashesByPath.entrySet()) {
      text.append(entry.getValue()).append(' ').append(entry.getKey()).append('\n');
    }
    return new GeneratedFile(FILE_NAME, text.toString().getBytes(StandardCharsets.UTF_8));
  }
}

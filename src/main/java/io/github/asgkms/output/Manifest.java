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
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The files the plugin wrote into an output directory, each with its SHA-256 and whether it is
 * executable, the project that wrote them, and the configuration they were written with. The
 * hash is the proof of ownership: the plugin replaces or deletes a file only while its bytes
 * still hash to what is recorded here, so a line in a tampered manifest cannot make it touch a
 * file of the user's. Whether a build is up to date is the stamp's business ({@link Stamp}),
 * with checksums of its own.
 *
 * <p>The text, format 3:
 *
 * <pre>
 * # comment lines
 * format 3
 * owner io.github.example:infra
 * formats json,terraform
 * spec src/main/asg-kms/asg-kms.yaml
 * templates built-in
 * &lt;64 hex digits&gt; json/account-111122223333/create-grants.sh executable
 * &lt;64 hex digits&gt; terraform/account-111122223333/versions.tf
 * </pre>
 *
 * <p>The owner and the three configuration lines are optional (the configuration all or
 * nothing). Format 2 had neither the configuration nor {@code executable}; format 1 had no
 * {@code format} or {@code owner} line either. Both are read, every file as not executable.
 */
public final class Manifest {
  public static final String FILE_NAME = ".asg-kms-manifest";
  static final int FORMAT = 3;
  private static final String EXECUTABLE = " executable";
  /** About 600 times the manifest of 10,000 keys in every format; checked before reading. */
  static final long MAX_BYTES = 64L * 1024 * 1024;

  private static final String HEADER = """
      # The files asg-kms-maven-plugin wrote into this folder, with their SHA-256. It replaces
      # or deletes a file only while its bytes match. Commit this file with them.
      """;

  private final SortedMap<String, String> hashesByPath;
  private final SortedSet<String> executables;
  private final String owner;
  private final Configuration configuration;

  private Manifest(SortedMap<String, String> hashesByPath, SortedSet<String> executables,
      String owner, Configuration configuration) {
    this.hashesByPath = Collections.unmodifiableSortedMap(hashesByPath);
    this.executables = Collections.unmodifiableSortedSet(executables);
    this.owner = owner;
    this.configuration = configuration;
  }

  public static Manifest of(Collection<GeneratedFile> files) {
    return of(files, null);
  }

  /** @param owner who writes the files, such as a project's coordinates; null for no one */
  public static Manifest of(Collection<GeneratedFile> files, String owner) {
    return of(files, owner, null);
  }

  /**
   * @param owner who writes the files, such as a project's coordinates; null for no one
   * @param configuration what the files were rendered with; null to record none
   */
  public static Manifest of(Collection<GeneratedFile> files, String owner,
      Configuration configuration) {
    if (owner != null && !isOwner(owner)) {
      throw new IllegalArgumentException("not an owner name: " + Printable.quote(owner));
    }
    SortedMap<String, String> hashes = new TreeMap<>();
    SortedSet<String> executables = new TreeSet<>();
    for (GeneratedFile file : files) {
      hashes.put(file.path(), Sha256.hex(file.content()));
      if (file.executable()) {
        executables.add(file.path());
      }
    }
    return new Manifest(hashes, executables, owner, configuration);
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
    SortedSet<String> executables = new TreeSet<>();
    String owner = null;
    ConfigurationLines configuration = new ConfigurationLines();
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
        if (formatSeen || owner != null || configuration.any() || !hashes.isEmpty()) {
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
        if (format < 2 || owner != null || configuration.any() || !hashes.isEmpty()) {
          problem = "an owner line belongs after the format line, once";
        } else if (!isOwner(name)) {
          problem = "not an owner name";
        } else {
          owner = name;
        }
      } else if (format >= 3 && ConfigurationLines.isOne(line)) {
        problem = hashes.isEmpty() ? configuration.add(line)
            : "the configuration belongs before the files";
      } else {
        problem = entry(line, format, hashes, executables);
      }
      if (problem != null) {
        problems.add(describe(i, line, problem));
      }
    }
    Configuration recorded = null;
    if (configuration.any()) {
      recorded = configuration.complete();
      if (recorded == null) {
        problems.add("the configuration needs all of its formats, spec and templates lines");
      }
    }
    return new Parsed(new Manifest(hashes, executables, owner, recorded), problems);
  }

  /** Adds the entry on {@code line}; or says why it is not one. */
  private static String entry(String line, int format, SortedMap<String, String> hashes,
      SortedSet<String> executables) {
    int space = line.indexOf(' ');
    if (space != 64 || !isHash(line.substring(0, 64))) {
      return "expected a SHA-256 (64 lowercase hex digits), a space and a path";
    }
    String path = line.substring(space + 1);
    boolean executable = format >= 3 && path.endsWith(EXECUTABLE);
    if (executable) {
      path = path.substring(0, path.length() - EXECUTABLE.length());
    }
    String problem = OutputPaths.problem(path);
    if (problem != null) {
      return problem;
    }
    if (hashes.putIfAbsent(path, line.substring(0, 64)) != null) {
      return "the path is listed twice";
    }
    if (executable) {
      executables.add(path);
    }
    return null;
  }

  /** The configuration lines of a manifest, as they are read: each once, all or none. */
  private static final class ConfigurationLines {
    private String formats;
    private String spec;
    private String templates;

    static boolean isOne(String line) {
      return line.startsWith("formats ") || line.startsWith("spec ")
          || line.startsWith("templates ");
    }

    boolean any() {
      return formats != null || spec != null || templates != null;
    }

    /** Takes the line; or says why it is not one. */
    String add(String line) {
      int space = line.indexOf(' ');
      String key = line.substring(0, space);
      String value = line.substring(space + 1);
      switch (key) {
        case "formats" -> {
          if (formats != null) {
            return "the formats line is there twice";
          }
          for (String name : value.split(",", -1)) {
            if (!Configuration.isFormat(name)) {
              return "expected format names separated by commas";
            }
          }
          formats = value;
        }
        case "spec" -> {
          if (spec != null) {
            return "the spec line is there twice";
          }
          if (!Configuration.isSpec(value)) {
            return "not a spec label";
          }
          spec = value;
        }
        default -> {
          if (templates != null) {
            return "the templates line is there twice";
          }
          if (!value.equals("own") && !value.equals("built-in")) {
            return "expected templates own or templates built-in";
          }
          templates = value;
        }
      }
      return null;
    }

    /** The configuration; null when a line is missing. */
    Configuration complete() {
      if (formats == null || spec == null || templates == null) {
        return null;
      }
      return new Configuration(List.of(formats.split(",")), spec, templates.equals("own"));
    }
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
    return new Manifest(new TreeMap<>(), new TreeSet<>(), null, null);
  }

  /** Owned paths and their SHA-256, sorted by path. */
  public SortedMap<String, String> hashesByPath() {
    return hashesByPath;
  }

  /** The paths of the files that are executable, sorted. */
  public SortedSet<String> executables() {
    return executables;
  }

  /** What the files were rendered with, or null when the manifest does not say. */
  public Configuration configuration() {
    return configuration;
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
    if (configuration != null) {
      for (String line : configuration.lines()) {
        text.append(line).append('\n');
      }
    }
    for (var entry : hashesByPath.entrySet()) {
      text.append(entry.getValue()).append(' ').append(entry.getKey());
      if (executables.contains(entry.getKey())) {
        text.append(EXECUTABLE);
      }
      text.append('\n');
    }
    return new GeneratedFile(FILE_NAME, text.toString().getBytes(StandardCharsets.UTF_8));
  }
}

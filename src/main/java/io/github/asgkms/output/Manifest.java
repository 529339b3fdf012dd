package io.github.asgkms.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The files the plugin wrote into an output directory, each with its SHA-256. Only these may
 * ever be overwritten or deleted: a file the plugin did not write is never touched. The hashes
 * let an up-to-date run prove the files intact without rendering anything.
 */
public final class Manifest {
  public static final String FILE_NAME = ".asg-kms-manifest";
  private static final String HEADER = "# Files written by asg-kms-maven-plugin, with their"
      + " SHA-256. It deletes them when they are no longer generated.\n";

  private final SortedMap<String, String> hashesByPath;

  private Manifest(SortedMap<String, String> hashesByPath) {
    this.hashesByPath = Collections.unmodifiableSortedMap(hashesByPath);
  }

  public static Manifest of(Collection<GeneratedFile> files) {
    SortedMap<String, String> hashes = new TreeMap<>();
    files.forEach(file -> hashes.put(file.path(), Sha256.hex(file.content())));
    return new Manifest(hashes);
  }

  /** The manifest in {@code outputDirectory}; empty when there is none. */
  public static Manifest read(Path outputDirectory) throws IOException {
    try {
      return parse(Files.readAllBytes(outputDirectory.resolve(FILE_NAME)));
    } catch (NoSuchFileException e) {
      return new Manifest(new TreeMap<>());
    }
  }

  /** A manifest from its bytes, as written by {@link #toFile}. */
  static Manifest parse(byte[] bytes) {
    SortedMap<String, String> hashes = new TreeMap<>();
    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
      int space = line.indexOf(' ');
      if (!line.startsWith("#") && space > 0) {
        hashes.put(line.substring(space + 1).strip(), line.substring(0, space));
      }
    }
    return new Manifest(hashes);
  }

  /** Owned paths and their SHA-256, sorted by path. */
  public SortedMap<String, String> hashesByPath() {
    return hashesByPath;
  }

  public boolean isEmpty() {
    return hashesByPath.isEmpty();
  }

  public GeneratedFile toFile() {
    StringBuilder text = new StringBuilder(HEADER);
    hashesByPath.forEach((path, hash) -> text.append(hash).append(' ').append(path).append('\n'));
    return new GeneratedFile(FILE_NAME, text.toString().getBytes(StandardCharsets.UTF_8));
  }
}

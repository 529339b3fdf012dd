package io.github.asgkms.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The list of files the plugin wrote into an output directory. Only these may ever be
 * overwritten as stale or deleted: a file the plugin did not write is never touched.
 */
public final class Manifest {
  public static final String FILE_NAME = ".asg-kms-manifest";
  private static final String HEADER =
      "# Files written by asg-kms-maven-plugin; it deletes them when they are no longer generated.";

  private Manifest() {}

  /** The owned paths; none when there is no manifest yet. */
  public static SortedSet<String> read(Path outputDirectory) throws IOException {
    SortedSet<String> paths = new TreeSet<>();
    try {
      for (String line : Files.readAllLines(outputDirectory.resolve(FILE_NAME),
          StandardCharsets.UTF_8)) {
        if (!line.isBlank() && !line.startsWith("#")) {
          paths.add(line.strip());
        }
      }
    } catch (NoSuchFileException e) {
      return paths;
    }
    return paths;
  }

  public static byte[] render(Collection<String> paths) {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    new TreeSet<>(paths).forEach(path -> text.append(path).append('\n'));
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

}

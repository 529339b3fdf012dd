package io.github.asgkms.output;

/**
 * Something in the output directory that the plugin may not overwrite or delete, because it
 * cannot prove that it wrote it.
 *
 * @param path the file, relative to the output directory
 * @param problem what is there, in words
 * @param forceable whether {@link WriteOptions#force} lets the run go on: it then replaces a
 *     generated file, keeps a file it no longer generates, or ignores a manifest line. Links,
 *     folders and special files where a generated file goes are never forceable.
 */
public record Conflict(String path, String problem, boolean forceable)
    implements Comparable<Conflict> {

  @Override
  public int compareTo(Conflict other) {
    return path.compareTo(other.path);
  }

  @Override
  public String toString() {
    return path + ": " + problem;
  }
}

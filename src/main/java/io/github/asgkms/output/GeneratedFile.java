package io.github.asgkms.output;

import java.nio.charset.StandardCharsets;

/**
 * A rendered file, held in memory until it is written or compared.
 *
 * @param path the path under the output directory, with {@code /} separators
 * @param content the UTF-8 bytes, with LF line ends
 * @param executable whether it is a script to run: it is then written executable wherever it
 *     is readable, and the manifest records it
 */
public record GeneratedFile(String path, byte[] content, boolean executable) {

  /** A file that is not executable. */
  public GeneratedFile(String path, byte[] content) {
    this(path, content, false);
  }

  public String text() {
    return new String(content, StandardCharsets.UTF_8);
  }
}

package io.github.asgkms.output;

import java.nio.charset.StandardCharsets;

/**
 * A rendered file, held in memory until it is written or compared.
 *
 * @param path the path under the output directory, with {@code /} separators
 * @param content the UTF-8 bytes, with LF line ends
 */
public record GeneratedFile(String path, byte[] content) {

  public String text() {
    return new String(content, StandardCharsets.UTF_8);
  }
}

package io.github.asgkms.output;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * The checksum of a stamp: CRC-32C and CRC-32 of the same byte stream, 64 bits in all. A stamp
 * is the build's own cache record in {@code target/}, never a security boundary, so it needs
 * to catch accidental change only; and it is computed on every build, in a JVM that has not
 * compiled anything yet. Both CRCs are computed by the JVM's own intrinsic code even then,
 * where SHA-256 runs interpreted after setting up the security providers: measured, SHA-256
 * here added about a quarter to an up-to-date run's CPU in a fresh JVM, some 2% of an
 * up-to-date build (docs/performance.md).
 */
final class StampChecksum {
  private final CRC32C crc32c = new CRC32C();
  private final CRC32 crc32 = new CRC32();

  /** A text, length-prefixed, so that no two different inputs give the same byte stream. */
  StampChecksum text(String text) {
    return bytes(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Bytes, length-prefixed. */
  StampChecksum bytes(byte[] bytes) {
    byte[] length = (bytes.length + ":").getBytes(StandardCharsets.US_ASCII);
    update(length);
    update(bytes);
    return this;
  }

  private void update(byte[] bytes) {
    crc32c.update(bytes, 0, bytes.length);
    crc32.update(bytes, 0, bytes.length);
  }

  /** Sixteen lowercase hex digits. */
  String hex() {
    long value = crc32c.getValue() << 32 | crc32.getValue();
    String digits = Long.toHexString(value);
    return "0".repeat(16 - digits.length()) + digits;
  }
}

package io.github.asgkms.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StampChecksumTest {

  @Test
  void isSixteenHexDigitsOfBothCrcs() {
    // CRC-32C and CRC-32 of "5:" then "hello": zero-padded, CRC-32C in the high half.
    String hex = new StampChecksum().text("hello").hex();

    assertThat(hex).matches("[0-9a-f]{16}");
    java.util.zip.CRC32C crc32c = new java.util.zip.CRC32C();
    java.util.zip.CRC32 crc32 = new java.util.zip.CRC32();
    byte[] stream = "5:hello".getBytes(StandardCharsets.US_ASCII);
    crc32c.update(stream);
    crc32.update(stream);
    assertThat(hex).isEqualTo(String.format("%08x%08x", crc32c.getValue(), crc32.getValue()));
  }

  @Test
  void theSameTextSplitDifferentlyChecksumsDifferently() {
    assertThat(new StampChecksum().text("ab").text("c").hex())
        .isNotEqualTo(new StampChecksum().text("a").text("bc").hex());
    assertThat(new StampChecksum().text("").text("x").hex())
        .isNotEqualTo(new StampChecksum().text("x").text("").hex());
  }

  @Test
  void oneChangedByteChangesTheChecksum() {
    byte[] bytes = new byte[10_000];
    String before = new StampChecksum().bytes(bytes).hex();
    bytes[5_000] = 1;
    assertThat(new StampChecksum().bytes(bytes).hex()).isNotEqualTo(before);
  }
}

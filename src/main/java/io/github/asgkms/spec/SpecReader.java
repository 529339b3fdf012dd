package io.github.asgkms.spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a spec file into a validated {@link Spec}: bounded in size, strict UTF-8, strict YAML,
 * and every error reported at once with its location.
 */
public final class SpecReader {
  /** A spec is a few KB; anything over this is refused before it is parsed. */
  public static final int MAX_BYTES = 1024 * 1024;

  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private SpecReader() {}

  /**
   * Reads and validates the spec at {@code file}.
   *
   * @param label the name errors give the file, as the user knows it
   */
  public static Spec read(Path file, String label) throws SpecException {
    String text = readText(file, label);
    return parse(text, label);
  }

  /** Validates spec text; {@code label} names it in errors. */
  public static Spec parse(String text, String label) throws SpecException {
    Errors errors = new Errors(label);
    if (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
      text = text.substring(1); // a UTF-8 BOM is legal YAML; editors on Windows write one
    }
    reportUnprintable(text, errors);
    errors.throwIfAny();
    YamlNode root = new YamlTreeReader(errors).read(text);
    errors.throwIfAny();
    Spec spec = new SpecBinder(errors).bind(root);
    errors.throwIfAny();
    return spec;
  }

  /**
   * Each character YAML does not allow (control characters but tab and line breaks, and a few
   * others), located and named: the YAML parser would stop at the first with no useful place.
   */
  private static void reportUnprintable(String text, Errors errors) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (c == '\n') {
        line++;
        column = 1;
        continue;
      }
      if (!(c == '\t' || c == '\r' || c >= 0x20 && c <= 0x7E || c == 0x85
          || c >= 0xA0 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000)) {
        errors.add(new Mark(line, column), SpecPath.ROOT, String.format(
            "the character U+%04X%s is not allowed in YAML; remove it", c,
            c == 0 ? " (NUL)" : c < 0x20 || c == 0x7F ? " (a control character)" : ""));
      }
      column++;
    }
  }

  private static String readText(Path file, String label) throws SpecException {
    byte[] bytes;
    try {
      if (Files.isDirectory(file)) {
        throw fileError(label, "the spec is a directory, not a file");
      }
      if (Files.exists(file) && !Files.isRegularFile(file)) {
        // A FIFO would make the read wait for a writer for ever.
        throw fileError(label, "the spec is not a regular file (a FIFO, socket or device)");
      }
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw fileError(label, "the spec is " + size + " bytes; it may be at most " + MAX_BYTES
            + " bytes (1 MiB)");
      }
      try (InputStream in = Files.newInputStream(file)) {
        bytes = in.readNBytes(MAX_BYTES + 1);
      }
      if (bytes.length > MAX_BYTES) { // it grew while we looked
        throw fileError(label, "the spec is over " + MAX_BYTES + " bytes (1 MiB)");
      }
    } catch (NoSuchFileException e) {
      throw fileError(label, "spec file not found");
    } catch (AccessDeniedException e) {
      throw fileError(label, "the spec cannot be read: permission denied");
    } catch (IOException e) {
      throw fileError(label, "the spec cannot be read: " + e.getMessage());
    }
    return decodeUtf8(bytes, label);
  }

  private static String decodeUtf8(byte[] bytes, String label) throws SpecException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return decoder.decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
          || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
        throw new SpecException(List.of(new SpecError(label, new Mark(1, 1), SpecPath.ROOT,
            "the spec is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8")));
      }
      int offset = firstInvalidUtf8Offset(bytes);
      Mark mark = markOfByte(bytes, offset);
      throw new SpecException(List.of(new SpecError(label, mark, SpecPath.ROOT,
          String.format("not valid UTF-8: byte 0x%02X; save the spec as UTF-8",
              bytes[offset] & 0xFF))));
    }
  }

  /** The offset of the first byte that does not start or continue a valid UTF-8 sequence. */
  private static int firstInvalidUtf8Offset(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
    decoder.decode(in, out, true);
    return Math.min(in.position(), bytes.length - 1);
  }

  private static Mark markOfByte(byte[] bytes, int offset) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
        column = 1;
      } else if ((bytes[i] & 0xC0) != 0x80) { // count characters, not continuation bytes
        column++;
      }
    }
    return new Mark(line, column);
  }

  private static SpecException fileError(String label, String message) {
    return new SpecException(List.of(SpecError.ofFile(label, message)));
  }
}

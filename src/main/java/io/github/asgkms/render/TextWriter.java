package io.github.asgkms.render;

import java.io.Writer;

/**
 * A {@link Writer} into a {@link StringBuilder} that can be cleared and used again.
 * {@link java.io.StringWriter} locks its {@link StringBuffer} on every write, and Freemarker
 * writes a file in hundreds of small pieces, so at thousands of files the locking alone shows.
 */
final class TextWriter extends Writer {
  private final StringBuilder text;

  TextWriter(int capacity) {
    text = new StringBuilder(capacity);
  }

  @Override
  public void write(int c) {
    text.append((char) c);
  }

  @Override
  public void write(char[] chars, int offset, int length) {
    text.append(chars, offset, length);
  }

  @Override
  public void write(String string, int offset, int length) {
    text.append(string, offset, offset + length);
  }

  @Override
  public Writer append(CharSequence chars) {
    text.append(chars);
    return this;
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  /** Empties the buffer and keeps its capacity, for the next file. */
  void clear() {
    text.setLength(0);
  }

  @Override
  public String toString() {
    return text.toString();
  }
}

package io.github.asgkms.render;

import java.io.Writer;

/**
 * A {@link Writer} into a {@link StringBuilder} that holds at most {@link #MAX_CHARS}: a
 * template that runs away stops with an error rather than filling the heap. It can be cleared
 * and used again for the next file. (Measured, a {@link java.io.StringWriter} per file renders
 * 10,000 keys in the same CPU time: the bound is why this class exists.)
 */
final class TextWriter extends Writer {
  /**
   * The most one file may hold, about 64 MB: a thousand times the largest file 10,000 keys
   * give. A template that writes more runs away, and stops here rather than filling the heap.
   */
  static final int MAX_CHARS = 32 * 1024 * 1024;

  private final StringBuilder text;

  TextWriter(int capacity) {
    text = new StringBuilder(capacity);
  }

  @Override
  public void write(int c) throws TooMuchText {
    room(1);
    text.append((char) c);
  }

  @Override
  public void write(char[] chars, int offset, int length) throws TooMuchText {
    room(length);
    text.append(chars, offset, length);
  }

  @Override
  public void write(String string, int offset, int length) throws TooMuchText {
    room(length);
    text.append(string, offset, offset + length);
  }

  @Override
  public Writer append(CharSequence chars) throws TooMuchText {
    room(chars.length());
    text.append(chars);
    return this;
  }

  private void room(int more) throws TooMuchText {
    if (text.length() + (long) more > MAX_CHARS) {
      throw new TooMuchText();
    }
  }

  /** A file longer than {@link #MAX_CHARS}: an I/O error to Freemarker, which stops there. */
  static final class TooMuchText extends java.io.IOException {
    private static final long serialVersionUID = 1L;

    TooMuchText() {
      super("more than " + MAX_CHARS + " characters", null);
    }
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

package io.github.asgkms.spec;

/** A 1-based line and column in the spec file. */
public record Mark(int line, int column) implements Comparable<Mark> {
  @Override
  public int compareTo(Mark other) {
    return line != other.line
        ? Integer.compare(line, other.line)
        : Integer.compare(column, other.column);
  }

  @Override
  public String toString() {
    return line + ":" + column;
  }
}

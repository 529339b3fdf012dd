package io.github.asgkms.access;

/**
 * A rendered file the access model cannot read or cannot evaluate with certainty. It is
 * reported, never skipped: a statement the model did not read could be the one a call needs.
 */
public final class DocumentException extends Exception {
  private static final long serialVersionUID = 1L;

  public DocumentException(String where, String message) {
    super(where + ": " + message);
  }
}

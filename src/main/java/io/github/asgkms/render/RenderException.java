package io.github.asgkms.render;

/** A template that could not be rendered: missing, malformed, or failing on the plan. */
public class RenderException extends Exception {
  private static final long serialVersionUID = 1L;

  public RenderException(String message, Throwable cause) {
    super(message, cause);
  }
}

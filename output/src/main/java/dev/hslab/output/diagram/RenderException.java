package dev.hslab.output.diagram;

/** A diagram could not be rendered: a bad DOT source, a missing engine, a timeout, an I/O error. */
public final class RenderException extends RuntimeException {

  public RenderException(String message) {
    super(message);
  }

  public RenderException(String message, Throwable cause) {
    super(message, cause);
  }
}

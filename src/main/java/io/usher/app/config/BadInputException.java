package io.usher.app.config;

/** A config, schedule or command the organiser must fix; exit code 2, nothing was changed. */
public final class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BadInputException(String message, Throwable cause) {
    super(message, cause);
  }
}

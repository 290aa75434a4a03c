package io.usher.app;

/** A config, schedule or command the organiser must fix; exit code 2, nothing was changed. */
final class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BadInputException(String message, Throwable cause) {
    super(message, cause);
  }
}

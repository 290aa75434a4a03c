package io.usher.web;

/** The questions of a track cannot be read now; the message says why, with no secrets. */
public final class QuestionsUnavailable extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public QuestionsUnavailable(String message) {
    super(message);
  }

  public QuestionsUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}

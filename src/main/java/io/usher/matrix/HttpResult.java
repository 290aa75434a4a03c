package io.usher.matrix;

/** A response read in full: status, body text and the {@code Retry-After} header (or null). */
record HttpResult(int status, String body, String retryAfter) {
  boolean ok() {
    return status >= 200 && status < 300;
  }
}

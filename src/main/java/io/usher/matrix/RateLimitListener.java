package io.usher.matrix;

import java.time.Duration;

/** Told each time the homeserver rate-limits a request, before the client waits. */
@FunctionalInterface
public interface RateLimitListener {
  /**
   * @param endpoint the endpoint's name ({@code createRoom}, ...)
   * @param wait how long the client will wait before sending it again
   */
  void rateLimited(String endpoint, Duration wait);
}

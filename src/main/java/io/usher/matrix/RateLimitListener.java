package io.usher.matrix;

import java.time.Duration;

/** Told each time the homeserver rate-limits a request, or does not answer, before the client waits. */
@FunctionalInterface
public interface RateLimitListener {
  /**
   * @param endpoint the endpoint's name ({@code createRoom}, ...)
   * @param wait how long the client will wait before sending it again
   */
  void rateLimited(String endpoint, Duration wait);

  /**
   * The homeserver, which answered before, has not answered for {@code silent}; the client
   * tries again after {@code wait}, and gives up once {@code bound} has passed.
   */
  default void unanswered(String endpoint, Duration silent, Duration wait, Duration bound) {}
}

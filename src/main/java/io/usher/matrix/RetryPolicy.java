package io.usher.matrix;

import java.time.Duration;

/**
 * How hard a {@link MatrixClient} tries.
 *
 * @param maxRateLimitWaits how many HTTP 429 answers one request may wait out before failing
 * @param maxServerErrorRetries how many times a request is re-sent after a 5xx or no response
 * @param firstBackoff the wait before the first re-send after a 5xx; it doubles each time
 * @param maxWait the longest single wait, whatever the server asks for
 */
public record RetryPolicy(
    int maxRateLimitWaits, int maxServerErrorRetries, Duration firstBackoff, Duration maxWait) {

  /** Defaults for a bot: patient with rate limits, brief with broken servers. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(30, 4, Duration.ofMillis(500), Duration.ofMinutes(5));
  }
}

package io.usher.matrix;

import java.time.Duration;

/**
 * How hard a {@link MatrixClient} tries.
 *
 * @param maxRateLimitWaits how many HTTP 429 answers one request may wait out before failing
 * @param maxServerErrorRetries how many times a request is re-sent after a 5xx or no response
 * @param firstBackoff the wait before the first re-send after a 5xx; it doubles each time
 * @param maxWait the longest single wait, whatever the server asks for
 * @param outageBound how long a homeserver that answered before and then stopped answering (no
 *     connection, or HTTP 502, 503 or 504 from a proxy in front of it) is waited out, counted
 *     from its first unanswered request; {@link Duration#ZERO} for no waiting
 */
public record RetryPolicy(int maxRateLimitWaits, int maxServerErrorRetries,
    Duration firstBackoff, Duration maxWait, Duration outageBound) {

  /** The longest single wait during an outage, so a homeserver back is noticed soon. */
  static final Duration OUTAGE_POLL = Duration.ofSeconds(10);

  /** A policy that does not wait out outages. */
  public RetryPolicy(int maxRateLimitWaits, int maxServerErrorRetries, Duration firstBackoff,
      Duration maxWait) {
    this(maxRateLimitWaits, maxServerErrorRetries, firstBackoff, maxWait, Duration.ZERO);
  }

  /**
   * Defaults for a bot: patient with rate limits, brief with broken servers, and 5 minutes for
   * a homeserver restart.
   */
  public static RetryPolicy defaults() {
    return new RetryPolicy(30, 4, Duration.ofMillis(500), Duration.ofMinutes(5),
        Duration.ofMinutes(5));
  }

  /** The same policy with another outage bound. */
  public RetryPolicy withOutageBound(Duration bound) {
    return new RetryPolicy(maxRateLimitWaits, maxServerErrorRetries, firstBackoff, maxWait,
        bound);
  }
}

package io.usher.app.runtime;

import io.usher.matrix.RateLimitListener;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * Tells the organiser when the homeserver slows the bot down, and, the first time, what to do
 * about it: the exact admin API call for the bot's account, or the application service route.
 * The ETA follows from the job's progress line, which the same 429 updates.
 */
final class RateLimitReporter implements RateLimitListener {
  private final PrintWriter err;
  private String explanation = "  the bot's account is rate-limited by the homeserver (HTTP"
      + " 429), so this will finish, but slowly. To speed it up: a server admin can exempt it"
      + " with POST /_synapse/admin/v1/users/<bot user id>/override_ratelimit"
      + " {\"messages_per_second\": 0, \"burst_count\": 0}";
  private boolean explained;

  RateLimitReporter(PrintWriter err) {
    this.err = err;
  }

  /** Names the bot's account, and the exact call for it, once they are known. */
  synchronized void account(String homeserverUrl, String userId) {
    explanation = "  " + userId + " is rate-limited by the homeserver (HTTP 429), so this will"
        + " finish, but slowly. To speed it up: a server admin can exempt it now, without a"
        + " restart: " + RateLimitCheck.call(homeserverUrl, userId) + " (a bot that is a server"
        + " admin does it itself with homeserver.lift_own_rate_limits: true); or run Usher as an"
        + " application service with rate_limited: false (usher appservice-registration)";
  }

  @Override
  public synchronized void rateLimited(String endpoint, Duration wait) {
    err.printf("rate limited on %s: waiting %.1f s%n", endpoint, wait.toMillis() / 1000.0);
    if (!explained) {
      explained = true;
      err.println(explanation);
    }
    err.flush();
  }
}

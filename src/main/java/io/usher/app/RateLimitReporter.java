package io.usher.app;

import io.usher.matrix.RateLimitListener;
import java.io.PrintWriter;
import java.time.Duration;

/** Tells the organiser when the homeserver slows the bot down, and what to do about it. */
final class RateLimitReporter implements RateLimitListener {
  private final PrintWriter err;
  private boolean explained;

  RateLimitReporter(PrintWriter err) {
    this.err = err;
  }

  @Override
  public synchronized void rateLimited(String endpoint, Duration wait) {
    err.printf("rate limited on %s: waiting %.1f s%n", endpoint, wait.toMillis() / 1000.0);
    if (!explained) {
      explained = true;
      err.println("  the bot's account is rate-limited; a server admin can exempt it with"
          + " POST /_synapse/admin/v1/users/<bot user id>/override_ratelimit"
          + " {\"messages_per_second\": 0, \"burst_count\": 0}");
    }
  }
}

package io.usher.app.runtime;

import io.usher.matrix.RateLimitListener;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * Tells the organiser when the homeserver slows the bot down, and, the first time, what to do
 * about it ({@link RateLimitRemedy}): the exact admin API call for the bot's account, or the
 * application service route. The ETA follows from the job's progress line, which the same 429
 * updates.
 */
final class RateLimitReporter implements RateLimitListener {
  private final PrintWriter err;
  private final String homeserverUrl;
  private String explanation;
  private boolean explained;

  RateLimitReporter(PrintWriter err, String homeserverUrl) {
    this.err = err;
    this.homeserverUrl = homeserverUrl;
    this.explanation = explanation("the bot's account", "<bot user id>");
  }

  /** Names the bot's account, and the exact call for it, once they are known. */
  synchronized void account(String userId) {
    explanation = explanation(userId, userId);
  }

  private String explanation(String who, String userId) {
    return "  " + who + " is rate-limited by the homeserver (HTTP 429), so this will finish, but"
        + " slowly. To speed it up: " + RateLimitRemedy.any(homeserverUrl, userId);
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

package io.usher.matrix;

import java.time.Duration;

/**
 * Whether the homeserver is answering, shared by every request of one client: a restart of the
 * homeserver (no connection, or a proxy's 502/503/504 in front of it) is waited out, up to a
 * bound counted from the first unanswered request, instead of failing each request after a few
 * quick tries. A homeserver that never answered (a wrong URL) is not waited for.
 */
final class Outage {
  private final Duration bound;
  private boolean everAnswered;
  /** {@link System#nanoTime()} of the first unanswered request since the last answer. */
  private long downSinceNanos;
  private boolean down;

  /** @param bound how long an outage is waited out before requests fail */
  Outage(Duration bound) {
    this.bound = bound;
  }

  /** The homeserver answered (any status but a gateway's). */
  synchronized void answered() {
    everAnswered = true;
    down = false;
  }

  /** What to do about a request that got no answer. */
  enum Verdict {
    /** Not an outage (the homeserver never answered, or outages are not waited out). */
    QUICK_RETRIES,
    /** Wait and send again: the outage is within the bound. */
    WAIT,
    /** Fail: the homeserver has been silent for longer than the bound. */
    GIVE_UP
  }

  /** A request got no answer now. */
  synchronized Verdict unanswered() {
    long now = System.nanoTime();
    if (!down) {
      down = true;
      downSinceNanos = now;
    }
    if (!everAnswered || bound.isZero()) {
      return Verdict.QUICK_RETRIES;
    }
    return silent().compareTo(bound) <= 0 ? Verdict.WAIT : Verdict.GIVE_UP;
  }

  /** How long the homeserver has been silent; zero while it answers. */
  synchronized Duration silent() {
    return down ? Duration.ofNanos(System.nanoTime() - downSinceNanos) : Duration.ZERO;
  }

  Duration bound() {
    return bound;
  }
}

package io.usher.scheduler;

import io.usher.lifecycle.PhaseEvent;
import java.time.Duration;
import java.time.Instant;

/**
 * How one phase was handled, for logs and the lateness benchmark.
 *
 * @param started when the runner began the phase, by the runner's clock (UTC)
 * @param finished when its announcements were posted and recorded
 * @param status {@code sent}, {@code skipped} (missed by more than the grace) or {@code failed}
 */
public record PhaseOutcome(PhaseEvent event, Instant started, Instant finished, String status) {

  /** How long after its instant the phase began to be handled (negative never happens). */
  public Duration startLateness() {
    return Duration.between(event.at(), started);
  }

  /** How long after its instant the phase was done. */
  public Duration finishLateness() {
    return Duration.between(event.at(), finished);
  }
}

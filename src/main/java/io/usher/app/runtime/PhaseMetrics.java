package io.usher.app.runtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.usher.scheduler.PhaseOutcome;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The bot's phases on {@code /metrics} (Prometheus), when {@code usher run} serves the widgets:
 * {@code usher_phases_handled_total{phase,status}} (status {@code sent}, {@code skipped} or
 * {@code failed}) and {@code usher_phase_lateness_seconds} (from a phase's instant to the start
 * of its handling, wall time; count, sum and max). What to alert on: see the README,
 * "Deploying Usher".
 */
public final class PhaseMetrics implements MeterBinder, Consumer<PhaseOutcome> {
  private volatile MeterRegistry registry;

  /** Counting nothing until bound to a registry. */
  public PhaseMetrics() {}

  @Override
  public void bindTo(MeterRegistry to) {
    registry = to;
    // Present from the start, so an alert on failures sees a zero before the first one.
    for (String status : new String[] {"sent", "skipped", "failed"}) {
      handled(to, "start", status);
    }
  }

  /** Counts one handled phase; before {@link #bindTo} (no web server) it is not kept. */
  @Override
  public void accept(PhaseOutcome outcome) {
    MeterRegistry to = registry;
    if (to == null) {
      return;
    }
    handled(to, outcome.event().phase().id(), outcome.status()).increment();
    Duration late = outcome.startLateness();
    Timer.builder("usher_phase_lateness")
        .description("From a phase's instant to the start of its handling")
        .register(to).record(late.isNegative() ? Duration.ZERO : late);
  }

  private static Counter handled(MeterRegistry to, String phase, String status) {
    return Counter.builder("usher_phases_handled").description("Phases handled, by outcome")
        .tag("phase", phase).tag("status", status).register(to);
  }
}

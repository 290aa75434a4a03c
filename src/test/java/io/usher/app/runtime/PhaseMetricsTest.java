package io.usher.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.usher.lifecycle.Phase;
import io.usher.lifecycle.PhaseEvent;
import io.usher.schedule.TalkId;
import io.usher.scheduler.PhaseOutcome;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The bot's phases as Prometheus reads them from /metrics. */
class PhaseMetricsTest {
  @Test
  void handledPhasesAreCountedByOutcomeAndTheirLatenessTimed() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    PhaseMetrics metrics = new PhaseMetrics();
    Instant at = Instant.parse("2026-02-06T10:00:00Z");
    PhaseEvent start = new PhaseEvent(new TalkId("1"), Phase.START, at, "main");
    metrics.accept(new PhaseOutcome(start, at, at, "sent")); // not bound yet: not kept
    metrics.bindTo(registry);
    assertThat(registry.scrape()).contains(
        "usher_phases_handled_total{phase=\"start\",status=\"failed\"} 0.0");
    metrics.accept(new PhaseOutcome(start, at.plusMillis(700), at.plusSeconds(1), "sent"));
    metrics.accept(new PhaseOutcome(start, at.plusSeconds(2), at.plusSeconds(3), "failed"));
    String scraped = registry.scrape();
    assertThat(scraped)
        .contains("usher_phases_handled_total{phase=\"start\",status=\"sent\"} 1.0")
        .contains("usher_phases_handled_total{phase=\"start\",status=\"failed\"} 1.0")
        .contains("usher_phase_lateness_seconds_count 2")
        .contains("usher_phase_lateness_seconds_max 2.0");
  }
}

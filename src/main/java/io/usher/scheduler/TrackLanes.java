package io.usher.scheduler;

import io.usher.lifecycle.Lifecycle;
import io.usher.lifecycle.PhaseEvent;
import io.usher.plan.DesiredConference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Handles one boundary's phases: the tracks in parallel (they are independent), each track's
 * phases in order ("A has ended" before "B is live"), each settled in the ledger as handled.
 */
final class TrackLanes {
  private final ExecutorService tracks;
  private final PhaseHandler phases;
  private final PhaseLedger ledger;
  private final Consumer<PhaseOutcome> outcomes;
  private final Consumer<String> error;

  /** @param parallelism tracks handled at once (at least 1) */
  TrackLanes(int parallelism, PhaseHandler phases, PhaseLedger ledger,
      Consumer<PhaseOutcome> outcomes, Consumer<String> error) {
    this.tracks = Executors.newFixedThreadPool(Math.max(1, parallelism));
    this.phases = phases;
    this.ledger = ledger;
    this.outcomes = outcomes;
    this.error = error;
  }

  /**
   * Handles {@code due} and waits until every track is done (or this thread is interrupted).
   *
   * @return the phases skipped (missed by more than the grace)
   */
  List<PhaseEvent> handle(List<PhaseEvent> due, Lifecycle current, DesiredConference desired) {
    Map<String, List<PhaseEvent>> byTrack = new LinkedHashMap<>();
    due.forEach(e -> byTrack.computeIfAbsent(e.trackId(), t -> new ArrayList<>()).add(e));
    List<PhaseEvent> skipped = new CopyOnWriteArrayList<>();
    List<Future<?>> running = new ArrayList<>();
    byTrack.values().forEach(events -> running.add(tracks.submit(
        () -> handleInOrder(events, current, desired, skipped))));
    for (Future<?> future : running) {
      try {
        future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return skipped;
      } catch (ExecutionException e) {
        error.accept("unexpected error in a phase: " + e.getCause());
      }
    }
    return skipped;
  }

  /** One track's phases, in order. A shutdown stops between two. */
  private void handleInOrder(List<PhaseEvent> events, Lifecycle current,
      DesiredConference desired, List<PhaseEvent> skipped) {
    for (PhaseEvent event : events) {
      if (tracks.isShutdown()) {
        return;
      }
      PhaseOutcome outcome = phases.handle(event, current, desired);
      if (tracks.isShutdown() && !outcome.status().equals("sent")) {
        // Cut short by a shutdown: not failed, not done. The record on the homeserver (or its
        // absence) tells the next start what to catch up.
        return;
      }
      ledger.settle(event, outcome.status());
      if (outcome.status().equals("skipped")) {
        skipped.add(event);
      }
      outcomes.accept(outcome);
    }
  }

  /** Interrupts the tracks' threads: no further phase is started. */
  void stopNow() {
    tracks.shutdownNow();
  }

  /** Lets the running phases finish; starts no further one. */
  void close() {
    tracks.shutdown();
  }
}

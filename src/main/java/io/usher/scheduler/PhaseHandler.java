package io.usher.scheduler;

import io.usher.apply.Announcer;
import io.usher.apply.ApplyResult;
import io.usher.apply.Reconciler;
import io.usher.lifecycle.Announcement;
import io.usher.lifecycle.Lifecycle;
import io.usher.lifecycle.LifecyclePolicy;
import io.usher.lifecycle.PhaseEvent;
import io.usher.plan.DesiredConference;
import io.usher.plan.RoomKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Handles one phase of one talk: asks the {@link Reconciler} to bring the rooms the phase
 * changes to the desired state, then posts the phase's announcements once (or skips them when
 * missed by more than the grace) and records that on the homeserver.
 */
final class PhaseHandler {
  private final Reconciler reconciler;
  private final Announcer announcer;
  private final Clock clock;
  private final LifecyclePolicy policy;
  private final Consumer<String> log;
  private final Consumer<String> errors;

  /**
   * @param log receives a line per skipped announcement (the runner tells the organisers once)
   * @param errors receives one line per failure
   */
  PhaseHandler(Reconciler reconciler, Announcer announcer, Clock clock, LifecyclePolicy policy,
      Consumer<String> log, Consumer<String> errors) {
    this.reconciler = reconciler;
    this.announcer = announcer;
    this.clock = clock;
    this.policy = policy;
    this.log = log;
    this.errors = errors;
  }

  /** Handles {@code event} against {@code desired} (the desired state at the handling instant). */
  PhaseOutcome handle(PhaseEvent event, Lifecycle lifecycle, DesiredConference desired) {
    Instant started = clock.instant();
    String status;
    try {
      Set<RoomKey> changed = lifecycle.roomsChangedBy(event);
      if (!changed.isEmpty()) {
        report(reconciler.reconcileRooms(desired, changed));
      }
      status = announce(event, lifecycle, ScaledClock.lateness(clock, event.at()));
      String recorded = status;
      reconciler.roomId(lifecycle.talkRoom(event.talk())).ifPresent(
          room -> announcer.record(room, event.recordId(), recorded, clock.instant()));
    } catch (RuntimeException e) {
      status = "failed";
      errors.accept(SkippedPhases.describe(event, lifecycle) + ": " + e.getMessage());
    }
    return new PhaseOutcome(event, started, clock.instant(), status);
  }

  private String announce(PhaseEvent event, Lifecycle lifecycle, Duration late) {
    if (late.compareTo(policy.grace()) > 0) {
      log.accept(SkippedPhases.logLine(event, lifecycle, late, policy.grace()));
      return "skipped";
    }
    for (Announcement announcement : lifecycle.announcements(event)) {
      post(announcement);
    }
    return "sent";
  }

  /**
   * Posts one announcement in its room.
   *
   * @throws IllegalStateException when the room does not exist on the homeserver
   */
  void post(Announcement announcement) {
    String roomId = reconciler.roomId(announcement.room()).orElseThrow(() ->
        new IllegalStateException(announcement.room() + " does not exist on the homeserver"));
    announcer.post(announcement, roomId);
  }

  /** Posts, reporting a failure instead of throwing it. */
  void postReporting(Announcement announcement) {
    try {
      post(announcement);
    } catch (RuntimeException e) {
      errors.accept("notice in " + announcement.room() + ": " + e.getMessage());
    }
  }

  void report(ApplyResult result) {
    result.failures().forEach(errors);
  }
}

package io.usher.scheduler;

import io.usher.lifecycle.Lifecycle;
import io.usher.lifecycle.PhaseEvent;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Which phases are handled, here or by another bot of the conference ({@link Coordination}):
 * the one owner of that knowledge for a {@link LifecycleRunner}. Failures to reach the other
 * bots are reported, never thrown: a phase is then handled here.
 */
final class PhaseLedger {
  private final Coordination coordination;
  private final Consumer<String> errors;
  private final Set<String> handled = ConcurrentHashMap.newKeySet();

  PhaseLedger(Coordination coordination, Consumer<String> errors) {
    this.coordination = coordination;
    this.errors = errors;
  }

  /** Counts these record ids as handled (read from the homeserver's records). */
  void handledAlready(Collection<String> recordIds) {
    handled.addAll(recordIds);
  }

  boolean isHandled(PhaseEvent event) {
    return isHandled(event.recordId());
  }

  boolean isHandled(String recordId) {
    return handled.contains(recordId);
  }

  int size() {
    return handled.size();
  }

  /** The phases due at {@code now} not handled yet, in the lifecycle's order. */
  List<PhaseEvent> due(Lifecycle lifecycle, Instant now) {
    return lifecycle.phases().stream()
        .filter(e -> !e.at().isAfter(now) && !isHandled(e)).toList();
  }

  /** The phases not handled yet, soonest first. */
  List<PhaseEvent> pending(Lifecycle lifecycle) {
    return lifecycle.phases().stream().filter(e -> !isHandled(e)).toList();
  }

  /**
   * The due phases this bot holds now; those another bot handled count as handled. When the
   * other bots cannot be asked, this one handles them all: the announcements' transaction ids
   * and records keep a double post from showing.
   */
  List<PhaseEvent> claim(List<PhaseEvent> due) {
    try {
      Coordination.Claims claims = coordination.claim(due.stream()
          .map(PhaseEvent::recordId).toList());
      handled.addAll(claims.settled());
      return due.stream().filter(e -> claims.granted().contains(e.recordId())).toList();
    } catch (RuntimeException e) {
      errors.accept("cannot claim phases, handling them here: " + e.getMessage());
      return due;
    }
  }

  /** Records that this bot handled {@code event}, here and for the other bots. */
  void settle(PhaseEvent event, String status) {
    handled.add(event.recordId());
    try {
      coordination.settle(event.recordId(), status);
    } catch (RuntimeException e) {
      errors.accept("cannot record " + event.recordId() + " as " + status
          + " for the other bots: " + e.getMessage());
    }
  }

  /** Whether the organisers paused on any bot; unknown (database down) counts as no. */
  boolean pausedElsewhere() {
    try {
      return coordination.paused();
    } catch (RuntimeException e) {
      errors.accept("cannot read whether another bot paused: " + e.getMessage());
      return false;
    }
  }

  /** Pauses or resumes the other bots too, as far as they can be reached. */
  void pauseAll(boolean paused) {
    try {
      coordination.paused(paused);
    } catch (RuntimeException e) {
      errors.accept("cannot tell the other bots to " + (paused ? "pause" : "resume") + ": "
          + e.getMessage());
    }
  }

  /** Gives this bot's unfinished claims up for another bot. */
  void release() {
    try {
      coordination.release();
    } catch (RuntimeException e) {
      errors.accept("cannot give up unfinished phases for the other bots: " + e.getMessage());
    }
  }
}

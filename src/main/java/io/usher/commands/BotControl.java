package io.usher.commands;

import io.usher.lifecycle.LifecycleStatus;
import io.usher.lifecycle.UpcomingPhase;
import io.usher.plan.diff.Plan;
import java.util.List;
import java.util.Optional;

/** What management-room commands can do to the running bot. Implemented where it is wired. */
public interface BotControl {
  LifecycleStatus status();

  /** The phases not yet handled, soonest first, of tracks matching the filter. */
  List<UpcomingPhase> upcoming(Optional<String> track, int limit);

  /** What {@code apply} would do now. */
  Plan plan();

  /** Reconciles every room now; returns a one-line summary. */
  String apply();

  /**
   * Reloads the schedule and follows its changes; returns a one-line summary, or why the new
   * version was not applied (it removes too many talks and {@code confirmRemovals} is false).
   */
  String refresh(boolean confirmRemovals);

  /** Who is in the rooms they should be in, of one track if given; as text. */
  String verify(Optional<String> track);

  /** Resumes handling phases. */
  void run();

  /** Stops handling phases until {@link #run()}. */
  void pause();
}

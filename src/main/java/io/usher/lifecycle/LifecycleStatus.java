package io.usher.lifecycle;

import java.util.List;

/**
 * What the lifecycle runner is doing, for the management room's {@code status}.
 *
 * @param source the schedule's file or URL
 * @param rooms the conference's rooms found on the homeserver
 * @param scheduledJobs Quartz jobs still to fire
 * @param handled phases handled since start (sent, skipped or failed)
 * @param next the next phases due
 * @param errors the most recent errors, newest last
 */
public record LifecycleStatus(String source, int rooms, int scheduledJobs, boolean paused,
    int handled, List<UpcomingPhase> next, List<String> errors) {

  public LifecycleStatus {
    next = List.copyOf(next);
    errors = List.copyOf(errors);
  }
}

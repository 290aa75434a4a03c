package io.usher.lifecycle;

import io.usher.schedule.Talk;

/** A phase not yet handled, with its talk, for {@code schedule} and {@code status}. */
public record UpcomingPhase(PhaseEvent event, Talk talk) {}

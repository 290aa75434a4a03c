package io.usher.onboard;

import io.usher.onboard.AttendeeOutcome.Status;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The result of one onboarding run.
 *
 * @param outcomes one per attendee, in list order
 * @param accountSeconds wall time of the account phase
 * @param invited how many attendees were invited to the conference space by this run
 * @param inviteFailures one line per failed space invite
 */
public record OnboardingReport(List<AttendeeOutcome> outcomes, double accountSeconds,
    int invited, List<String> inviteFailures) {

  public OnboardingReport {
    outcomes = List.copyOf(outcomes);
    inviteFailures = List.copyOf(inviteFailures);
  }

  public long count(Status status) {
    return outcomes.stream().filter(o -> o.status() == status).count();
  }

  /** Attendees handled per second in the account phase (created or checked). */
  public double rate() {
    return outcomes.size() / Math.max(accountSeconds, 1e-3);
  }

  /** Whether every attendee has an account and every invite went out. */
  public boolean ok() {
    return outcomes.stream().allMatch(AttendeeOutcome::hasAccount) && inviteFailures.isEmpty();
  }

  /** A few lines: counts, rate, then every attendee who needs an organiser's attention. */
  public String summary() {
    Map<Status, Long> counts = new EnumMap<>(Status.class);
    outcomes.forEach(o -> counts.merge(o.status(), 1L, Long::sum));
    StringBuilder out = new StringBuilder(String.format(
        "Onboarded %d attendees in %.1f s (%.1f accounts/s): %s; %d invited to the conference"
        + " space.%n", outcomes.size(), accountSeconds, rate(), counts.entrySet().stream()
        .map(e -> e.getValue() + " " + e.getKey().label()).collect(Collectors.joining(", ")),
        invited));
    outcomes.stream().filter(o -> !o.hasAccount()).forEach(o -> out.append("  ! ")
        .append(o.attendee().location()).append(": ").append(o.attendee().email()).append(": ")
        .append(o.status().label()).append(": ").append(o.detail()).append('\n'));
    inviteFailures.forEach(f -> out.append("  x ").append(f).append('\n'));
    return out.toString();
  }
}

package io.usher.onboard;

import io.usher.schedule.Attendee;

/**
 * What onboarding did for one attendee.
 *
 * @param userId the Matrix user id their e-mail maps to; the account's when created or existing
 * @param detail why, for anything but a plain success; empty otherwise
 */
public record AttendeeOutcome(Attendee attendee, String userId, Status status, String detail) {
  /** The outcome of one attendee. */
  public enum Status {
    CREATED("created"),
    /** An account with this id and this e-mail address was there already: left alone. */
    EXISTING("existing"),
    /** Another e-mail address of the list maps to the same user id: neither is created. */
    CONFLICT("conflict"),
    /** An account with this id exists with other (or no) e-mail addresses: not theirs. */
    TAKEN("taken"),
    /** The same e-mail address appears earlier in the list. */
    DUPLICATE("duplicate"),
    FAILED("failed");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** Whether the attendee has an account that is theirs (created now or before). */
  public boolean hasAccount() {
    return status == Status.CREATED || status == Status.EXISTING;
  }
}

package io.usher.apply;

/** Where a person stands with a room they should be in, as {@code verify} reports it. */
public enum PersonStatus {
  /** Neither a Matrix id nor an e-mail address: they cannot be invited. */
  NO_CONTACT("no contact"),
  /** Only an e-mail address, and no e-mail invite was sent (no identity server, or not yet). */
  NOT_EMAILED("not e-mailed"),
  /**
   * A 3PID invite went to their e-mail address, and the identity server maps it to no Matrix id
   * yet (or could not be asked); once it does, that id's membership is the status instead.
   */
  EMAIL_INVITED("e-mail invited"),
  /** A Matrix id, but no invite yet: the next apply sends it. */
  NOT_INVITED("not invited"),
  INVITED("invited"),
  JOINED("joined"),
  /** Left, or rejected the invite, or was kicked. */
  LEFT("left"),
  BANNED("banned"),
  /** The room does not exist yet: apply creates it. */
  NO_ROOM("no room yet");

  private final String label;

  PersonStatus(String label) {
    this.label = label;
  }

  /** The status as an organiser reads it in a report, e.g. {@code no room yet}. */
  public String label() {
    return label;
  }
}

package io.usher.plan;

/**
 * Who reads what was said in a talk room before it became the public hallway
 * (https://spec.matrix.org/latest/client-server-api/#room-history-visibility): each event keeps
 * the history visibility in force when it was sent, so the talk room's setting before the end
 * decides.
 */
public enum HallwayHistory {
  /**
   * {@code invited} before the end: the speakers and hosts (invited at creation) read it all;
   * those who join the hallway read only what is said from then on.
   */
  MEMBERS_ONLY("invited"),
  /** {@code shared} before the end: whoever joins the hallway reads everything said before. */
  OPEN("shared");

  private final String beforeHallway;

  HallwayHistory(String beforeHallway) {
    this.beforeHallway = beforeHallway;
  }

  /** The talk room's {@code history_visibility} until it is the hallway. */
  public String beforeHallway() {
    return beforeHallway;
  }
}

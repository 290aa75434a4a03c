package io.usher.plan;

import java.util.List;
import java.util.Map;

/**
 * Who may see and join a room, as the three state events that say it. PUBLIC is a track room, a
 * space or a hallway: anyone joins, history is world-readable, guests can join. PRIVATE is a
 * backstage: invite only, history shared among members. A talk room before its hallway is
 * invite only too, its history as {@link HallwayHistory} says.
 */
public enum Access {
  PUBLIC("public", "world_readable", "can_join"),
  PRIVATE("invite", "shared", "forbidden"),
  BEFORE_HALLWAY_MEMBERS_ONLY("invite", HallwayHistory.MEMBERS_ONLY.beforeHallway(), "forbidden"),
  BEFORE_HALLWAY_OPEN("invite", HallwayHistory.OPEN.beforeHallway(), "forbidden");

  private final String joinRule;
  private final String historyVisibility;
  private final String guestAccess;

  Access(String joinRule, String historyVisibility, String guestAccess) {
    this.joinRule = joinRule;
    this.historyVisibility = historyVisibility;
    this.guestAccess = guestAccess;
  }

  /** The createRoom preset closest to this access; initial_state then makes it exact. */
  public String preset() {
    return this == PUBLIC ? "public_chat" : "private_chat";
  }

  /** A talk room's access until the end of its talk. */
  static Access beforeHallway(HallwayHistory history) {
    return history == HallwayHistory.OPEN ? BEFORE_HALLWAY_OPEN : BEFORE_HALLWAY_MEMBERS_ONLY;
  }

  /**
   * The {@code restricted} join rule letting members of {@code room} join. The room's id is not
   * known when planning: its key stands in the content, and {@link RoomRefs#resolve} puts the id
   * there.
   */
  static Map<String, Object> restrictedTo(RoomKey room) {
    return Map.of("join_rule", "restricted",
        "allow", List.of(Map.of("type", "m.room_membership", "room_id", room)));
  }

  Map<String, Object> joinRules() {
    return Map.of("join_rule", joinRule);
  }

  Map<String, Object> historyVisibility() {
    return Map.of("history_visibility", historyVisibility);
  }

  Map<String, Object> guestAccess() {
    return Map.of("guest_access", guestAccess);
  }
}

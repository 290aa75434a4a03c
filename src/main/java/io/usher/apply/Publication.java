package io.usher.apply;

import io.usher.plan.RoomKind;

/**
 * Which of Usher's rooms go into the homeserver's public room list, and what to change when the
 * homeserver refuses them, written once for apply's warning and {@code usher doctor}.
 *
 * <p>Synapse drops {@code createRoom}'s {@code visibility: public} without an error when its
 * {@code room_list_publication_rules} do not allow it (their default allows nothing):
 * https://element-hq.github.io/synapse/latest/usage/configuration/config_documentation.html#room_list_publication_rules.
 * Whether a room is listed is read with
 * https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3directorylistroomroomid.
 */
public final class Publication {
  /** The homeserver.yaml lines that let every local user publish rooms. */
  public static final String SYNAPSE_RULE = "room_list_publication_rules:\n  - action: allow";
  /** What else to do once the rule is in place: rooms created before it stay unlisted. */
  public static final String AFTER_RULE = "restart Synapse, then publish the rooms already"
      + " created (a client's room settings, \"publish to the room directory\")";

  private Publication() {}

  /** Track rooms and the conference space are listed in the public room directory. */
  public static boolean listed(RoomKind kind) {
    return kind == RoomKind.TRACK || kind == RoomKind.CONFERENCE_SPACE;
  }

  /** The remedy on one line, for a warning. */
  public static String remedy() {
    return "In Synapse, allow it in homeserver.yaml with room_list_publication_rules:"
        + " [{action: allow}] (or a rule for the bot), " + AFTER_RULE;
  }
}

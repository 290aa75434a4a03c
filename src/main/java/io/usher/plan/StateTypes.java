package io.usher.plan;

/** Matrix state event types the planner manages (https://spec.matrix.org/latest/client-server-api/#room-events). */
public final class StateTypes {
  public static final String NAME = "m.room.name";
  public static final String CANONICAL_ALIAS = "m.room.canonical_alias";
  public static final String TOPIC = "m.room.topic";
  public static final String JOIN_RULES = "m.room.join_rules";
  public static final String HISTORY_VISIBILITY = "m.room.history_visibility";
  public static final String GUEST_ACCESS = "m.room.guest_access";
  public static final String POWER_LEVELS = "m.room.power_levels";
  /** A user's membership (join, invite, leave, ban, knock); state_key is the user id. */
  public static final String MEMBER = "m.room.member";
  public static final String SPACE_CHILD = "m.space.child";
  public static final String SPACE_PARENT = "m.space.parent";
  /** Usher's mark on a cancelled talk's room, {@code {"reason": "cancelled"}}: left alone. */
  public static final String CLOSED = "io.usher.closed";
  /** A widget; state_key is the widget id (Element's, as in MSC1236). */
  public static final String WIDGET = "im.vector.modular.widgets";
  /** Where Element shows a room's widgets; state_key "". */
  public static final String WIDGET_LAYOUT = "io.element.widgets.layout";

  private StateTypes() {}
}

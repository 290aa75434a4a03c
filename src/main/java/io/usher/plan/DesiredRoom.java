package io.usher.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A room as the schedule and policy want it.
 *
 * @param aliasLocalpart the localpart of its alias ({@code #localpart:server}), safe for any
 *     schedule text and unique within the conference
 * @param parent the space it belongs to; empty for the conference space
 * @param children for a space, its child rooms in order; empty otherwise
 * @param locator the locator content ({@link Locator})
 * @param invitees who should be invited (once: {@code plan.people.PeopleRecord} records it)
 * @param widgets its widgets and their layout ({@link StateTypes#WIDGET},
 *     {@link StateTypes#WIDGET_LAYOUT})
 * @param joinVia for a private room, the space whose members may join it uninvited (the
 *     {@code restricted} join rule, https://spec.matrix.org/latest/client-server-api/#restricted-rooms)
 */
public record DesiredRoom(
    RoomKey key,
    String name,
    String topic,
    String aliasLocalpart,
    Access access,
    PowerLevels powerLevels,
    Optional<RoomKey> parent,
    List<SpaceChild> children,
    Map<String, Object> locator,
    List<Invitee> invitees,
    List<DesiredStateEvent> widgets,
    Optional<RoomKey> joinVia) {

  public DesiredRoom {
    children = List.copyOf(children);
    locator = Map.copyOf(locator);
    invitees = List.copyOf(invitees);
    widgets = List.copyOf(widgets);
  }

  /**
   * Invitees by Matrix id on {@code serverName}: safe to invite in createRoom, since an invite
   * to another server can fail after the room exists and would fail the whole request.
   */
  public List<Invitee> localInvitees(String serverName) {
    return invitees.stream()
        .filter(i -> !i.email() && i.address().endsWith(":" + serverName)).toList();
  }

  /** Its full alias on {@code serverName}: {@code #localpart:server} ({@link Aliases}). */
  public String alias(String serverName) {
    return Aliases.full(aliasLocalpart, serverName);
  }

  public boolean isSpace() {
    return key.kind().isSpace();
  }

  /**
   * The state events compared with the homeserver's, other than power levels and space links:
   * locator, name, topic, join rules, history visibility, guest access and widgets.
   */
  public List<DesiredStateEvent> state() {
    List<DesiredStateEvent> state = new ArrayList<>(List.of(
        new DesiredStateEvent(Locator.TYPE, "", locator),
        new DesiredStateEvent(StateTypes.NAME, "", Map.of("name", name)),
        new DesiredStateEvent(StateTypes.TOPIC, "", Map.of("topic", topic)),
        new DesiredStateEvent(StateTypes.JOIN_RULES, "", joinVia.map(Access::restrictedTo)
            .orElseGet(access::joinRules)),
        new DesiredStateEvent(StateTypes.HISTORY_VISIBILITY, "", access.historyVisibility()),
        new DesiredStateEvent(StateTypes.GUEST_ACCESS, "", access.guestAccess())));
    state.addAll(widgets);
    return state;
  }
}

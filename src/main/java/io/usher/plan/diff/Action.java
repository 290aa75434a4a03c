package io.usher.plan.diff;

import io.usher.plan.DesiredRoom;
import io.usher.plan.Invitee;
import io.usher.plan.RoomKey;
import io.usher.plan.StateTypes;
import io.usher.plan.people.PeopleRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One change to the homeserver, as planned. {@link #room()} is the room it changes. */
public sealed interface Action
    permits Action.CreateRoom, Action.PutState, Action.LinkChild, Action.LinkParent,
    Action.UpdatePeople, Action.CloseRoom, Action.ClaimAlias {

  RoomKey room();

  /**
   * Create a room with everything in its createRoom request. Spaces list their children, which
   * are created in earlier waves.
   *
   * @param wave 0 for rooms that are not spaces, else 1 + the highest wave of its new children
   * @param links the space links of its initial state: a space's {@code m.space.child} for each
   *     child, and {@code m.space.parent} when its parent space exists already
   * @param peopleRecord the content of its {@link PeopleRecord#TYPE} state event: the power it
   *     grants and the invitees the createRoom request invites
   */
  record CreateRoom(DesiredRoom desired, int wave, List<Link> links,
      Map<String, Object> peopleRecord) implements Action {
    public CreateRoom {
      links = List.copyOf(links);
      peopleRecord = Map.copyOf(peopleRecord);
    }

    @Override
    public RoomKey room() {
      return desired.key();
    }

    /** Whether its {@code m.space.parent} travels in its initial state. */
    public boolean parentInInitialState() {
      return links.stream().anyMatch(link -> link.type().equals(StateTypes.SPACE_PARENT));
    }
  }

  /**
   * A space link in a new room's initial state: a state event of {@code type}
   * ({@link StateTypes#SPACE_CHILD} or {@link StateTypes#SPACE_PARENT}) whose state key is the
   * room id of {@code target}, known once the target exists.
   */
  record Link(String type, RoomKey target, Map<String, Object> content) {
    public Link {
      content = Map.copyOf(content);
    }
  }

  /** Set one state event of an existing room. {@code change} says what changes, for people. */
  record PutState(RoomKey room, String type, String stateKey,
      Map<String, Object> content, String change) implements Action {}

  /** Set the {@code m.space.child} event of {@code room} (a space) for {@code child}. */
  record LinkChild(RoomKey room, RoomKey child, Map<String, Object> content)
      implements Action {}

  /** Set the {@code m.space.parent} event of {@code room} for {@code parent}. */
  record LinkParent(RoomKey room, RoomKey parent, Map<String, Object> content)
      implements Action {}

  /**
   * Close the room of a talk no longer in the schedule, once: post {@code notice} (with
   * transaction id {@code txnId}, so a retry does not repeat it), rename it to {@code name},
   * then mark it {@link StateTypes#CLOSED}. A closed room gets no further actions; it is never
   * deleted.
   */
  record CloseRoom(RoomKey room, String name, String notice, String txnId) implements Action {}

  /**
   * Give an existing room its alias, which it lacks (its {@code m.room.canonical_alias} says
   * another or none): point {@code alias} at it, taking it back from an empty room the bot made
   * (a creation cut short) but never from anyone else's, then set its canonical alias.
   */
  record ClaimAlias(RoomKey room, String alias) implements Action {}

  /**
   * Bring a room's people in line, in this order: set the power levels (when not empty), invite
   * each invitee, then write the {@link PeopleRecord}, less the invitees whose invite failed.
   *
   * @param powerLevels the whole new {@code m.room.power_levels} content, or empty
   * @param powerChange what changes in the power levels, for people
   */
  record UpdatePeople(RoomKey room, Optional<Map<String, Object>> powerLevels,
      String powerChange, List<Invitee> invites, PeopleRecord record) implements Action {
    public UpdatePeople {
      invites = List.copyOf(invites);
    }
  }
}

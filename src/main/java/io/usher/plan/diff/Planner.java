package io.usher.plan.diff;

import io.usher.plan.Contents;
import io.usher.plan.DesiredConference;
import io.usher.plan.DesiredRoom;
import io.usher.plan.DesiredStateEvent;
import io.usher.plan.RoomKey;
import io.usher.plan.RoomKind;
import io.usher.plan.RoomRefs;
import io.usher.plan.Slugs;
import io.usher.plan.SpaceChild;
import io.usher.plan.StateTypes;
import io.usher.plan.diff.Action.CreateRoom;
import io.usher.plan.diff.Action.Link;
import io.usher.plan.diff.Action.LinkChild;
import io.usher.plan.diff.Action.LinkParent;
import io.usher.plan.diff.Action.PutState;
import io.usher.plan.people.PeopleRecord;
import io.usher.plan.widgets.Widgets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Diffs the desired state against the observed one into a {@link Plan}. Pure: the same inputs
 * give the same plan, and a homeserver that matches gives an empty one.
 */
public final class Planner {
  private final String serverName;
  private final PeoplePlanner people;

  /**
   * @param serverName for {@code via} in space links, and to tell local invitees
   * @param botUserId the bot's own power level entry is never planned or changed
   * @param demoteUnlisted remove power that no role or config entry gives, even when Usher
   *     did not grant it
   */
  public Planner(String serverName, String botUserId, boolean demoteUnlisted) {
    this.serverName = serverName;
    this.people = new PeoplePlanner(serverName, botUserId, demoteUnlisted);
  }

  /** A planner that leaves power it did not grant alone. */
  public Planner(String serverName, String botUserId) {
    this(serverName, botUserId, false);
  }

  /**
   * The actions that bring {@code observed} to {@code desired}: a {@code CreateRoom} for each
   * desired room not observed (in waves: rooms before the spaces that hold them), then state
   * changes, people updates and space links for the rooms that differ. Observed rooms the
   * desired state lacks are listed as unmanaged, never removed. Throws nothing; never does I/O.
   */
  public Plan plan(DesiredConference desired, ObservedConference observed) {
    List<CreateRoom> creates = new ArrayList<>();
    List<Action> changes = new ArrayList<>();
    Map<RoomKey, Integer> waves = new HashMap<>();
    List<String> kept = new ArrayList<>();
    for (DesiredRoom room : desired.rooms()) {
      Optional<ObservedRoom> seen = observed.room(room.key());
      if (seen.isPresent()) {
        changes.addAll(stateChanges(room, seen.get(), observed));
        people.forExisting(room, seen.get(), kept).ifPresent(changes::add);
        changes.addAll(linkChanges(room, seen.get(), observed));
        continue;
      }
      people.afterCreation(room).ifPresent(changes::add);
      // After its new children, and after the new rooms its state names (the staff space).
      int wave = 1 + Stream.concat(room.children().stream()
              .map(SpaceChild::key), referenced(room).stream())
          .mapToInt(key -> waves.getOrDefault(key, -1)).max().orElse(-1);
      waves.put(room.key(), wave);
      creates.add(new CreateRoom(room, wave, links(room, observed),
          PeopleRecord.initial(room, serverName).content()));
    }
    creates.sort(Comparator.comparingInt(CreateRoom::wave));
    List<Action> actions = new ArrayList<>(creates);
    actions.addAll(changes);
    Set<RoomKey> wanted = desired.byKey().keySet();
    List<ObservedRoom> unmanaged = observed.rooms().stream()
        .filter(room -> !wanted.contains(room.key())).toList();
    // A plan for some rooms only (a refresh) still knows every talk: its tracks are whole.
    Set<String> talks = desired.talkIds();
    unmanaged.stream().filter(room -> closable(room, talks)).map(Planner::close)
        .forEach(actions::add);
    List<String> warnings = new ArrayList<>(observed.warnings());
    warnings.addAll(desired.warnings());
    warnings.addAll(keptWarnings(kept));
    int openTalkRooms = (int) observed.rooms().stream()
        .filter(room -> room.key().kind() == RoomKind.TALK && !isClosed(room)).count();
    return new Plan(desired.conferenceId(), desired.name(), actions, unmanaged,
        warnings, desired.rooms().size(), openTalkRooms);
  }

  /**
   * The room of a talk no longer in the schedule, not yet closed. Other rooms no longer wanted
   * (a removed track's) are left alone.
   */
  private static boolean closable(ObservedRoom room, Set<String> talks) {
    return room.key().kind() == RoomKind.TALK && !talks.contains(room.key().id())
        && !isClosed(room);
  }

  /** Whether Usher closed this room (its talk was cancelled); it is then left alone. */
  public static boolean isClosed(ObservedRoom room) {
    return room.state(StateTypes.CLOSED, "").map(c -> !c.isEmpty()).orElse(false);
  }

  private static Action close(ObservedRoom room) {
    String name = room.state(StateTypes.NAME, "").map(c -> String.valueOf(c.get("name")))
        .orElse(room.key().id());
    return new Action.CloseRoom(room.key(), "[cancelled] " + name, "This talk has been"
        + " cancelled: it is no longer in the schedule. The room stays, with its history, and"
        + " Usher will not change it again.", "usher.close." + room.key().conferenceId() + "."
        + Slugs.txnSafe(room.key().id()));
  }

  private static List<String> keptWarnings(List<String> kept) {
    Map<String, Long> rooms = kept.stream()
        .collect(Collectors.groupingBy(u -> u, TreeMap::new, Collectors.counting()));
    return rooms.entrySet().stream().map(e -> e.getKey() + " keeps power in " + e.getValue()
        + (e.getValue() == 1 ? " room" : " rooms") + " though no role or config entry gives it"
        + " (people.demote_unlisted: true removes it)").toList();
  }

  /**
   * A new room's space links: a space lists each child; {@code m.space.parent} only when it is
   * free, in the initial state of a room whose space exists (the space's {@code m.space.child}
   * places the room, and one request per room is the goal).
   */
  private List<Link> links(DesiredRoom room, ObservedConference observed) {
    List<Link> links = new ArrayList<>();
    room.children().forEach(child ->
        links.add(new Link(StateTypes.SPACE_CHILD, child.key(), childContent(child))));
    room.parent().filter(parent -> observed.room(parent).isPresent()).ifPresent(parent ->
        links.add(new Link(StateTypes.SPACE_PARENT, parent, parentContent())));
    return links;
  }

  /**
   * The content of {@code m.space.child} for a child
   * (https://spec.matrix.org/latest/client-server-api/#mspacechild).
   */
  public Map<String, Object> childContent(SpaceChild child) {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("via", List.of(serverName));
    content.put("order", child.order());
    content.put("suggested", child.suggested());
    return content;
  }

  /** The content of {@code m.space.parent}. */
  public Map<String, Object> parentContent() {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("via", List.of(serverName));
    content.put("canonical", true);
    return content;
  }

  private static List<RoomKey> referenced(DesiredRoom room) {
    return room.state().stream().flatMap(e -> RoomRefs.keys(e.content()).stream()).toList();
  }

  private List<Action> stateChanges(DesiredRoom room, ObservedRoom seen,
      ObservedConference observed) {
    List<Action> changes = new ArrayList<>();
    for (DesiredStateEvent event : room.state()) {
      Optional<Map<String, Object>> current = seen.state(event.type(), event.stateKey());
      // Room ids of rooms that exist go in now; those of rooms being created, when they are.
      Map<String, Object> content = RoomRefs.resolve(event.content(),
          key -> observed.room(key).map(ObservedRoom::roomId));
      if (current.isEmpty() || !Contents.covers(current.get(), content)) {
        changes.add(new PutState(room.key(), event.type(), event.stateKey(), content,
            describe(event, current)));
      }
    }
    changes.addAll(widgetRemovals(room, seen));
    String alias = room.alias(serverName);
    if (!seen.state(StateTypes.CANONICAL_ALIAS, "").map(c -> alias.equals(c.get("alias")))
        .orElse(false)) {
      changes.add(new Action.ClaimAlias(room.key(), alias));
    }
    if (isClosed(seen)) {
      changes.add(new PutState(room.key(), StateTypes.CLOSED, "", Map.of(),
          "reopen: the talk is back in the schedule"));
    }
    return changes;
  }

  private static String describe(DesiredStateEvent event,
      Optional<Map<String, Object>> current) {
    return switch (event.type()) {
      case StateTypes.WIDGET -> Widgets.describe(event.stateKey(), current, event.content());
      case StateTypes.WIDGET_LAYOUT -> Widgets.describeLayout(event.content());
      default -> Contents.brief(current.map(c -> relevant(c, event.content())).orElse(null))
          + " → " + Contents.brief(event.content());
    };
  }

  /** Empties Usher's widgets that the room should no longer have (others' are left alone). */
  private static List<Action> widgetRemovals(DesiredRoom room, ObservedRoom seen) {
    Set<String> wanted = room.widgets().stream().map(DesiredStateEvent::stateKey)
        .collect(Collectors.toSet());
    List<Action> changes = new ArrayList<>();
    seen.state().forEach((slot, content) -> {
      if (slot.type().equals(StateTypes.WIDGET) && Widgets.isUshers(slot.stateKey())
          && !content.isEmpty() && !wanted.contains(slot.stateKey())) {
        changes.add(new PutState(room.key(), StateTypes.WIDGET, slot.stateKey(), Map.of(),
            "remove widget " + slot.stateKey()));
      }
    });
    return changes;
  }

  private static Map<String, Object> relevant(Map<String, Object> observed,
      Map<String, Object> desired) {
    Map<String, Object> out = new LinkedHashMap<>();
    desired.keySet().forEach(k -> out.put(k, observed.get(k)));
    return out;
  }

  private List<Action> linkChanges(DesiredRoom room, ObservedRoom seen,
      ObservedConference observed) {
    List<Action> changes = new ArrayList<>();
    Set<RoomKey> wantedChildren = room.children().stream().map(SpaceChild::key)
        .collect(Collectors.toSet());
    for (SpaceChild child : room.children()) {
      Map<String, Object> content = childContent(child);
      Optional<Map<String, Object>> current = observed.room(child.key())
          .flatMap(c -> seen.state(StateTypes.SPACE_CHILD, c.roomId()));
      if (current.isEmpty() || !Contents.covers(current.get(), content)) {
        changes.add(new LinkChild(room.key(), child.key(), content));
      }
    }
    changes.addAll(unlinks(seen, observed, StateTypes.SPACE_CHILD,
        key -> !wantedChildren.contains(key)));
    room.parent().filter(parent -> hasParentLink(seen, observed)).ifPresent(parent -> {
      Optional<Map<String, Object>> current = observed.room(parent)
          .flatMap(p -> seen.state(StateTypes.SPACE_PARENT, p.roomId()));
      if (current.isEmpty() || !Contents.covers(current.get(), parentContent())) {
        changes.add(new LinkParent(room.key(), parent, parentContent()));
      }
    });
    changes.addAll(unlinks(seen, observed, StateTypes.SPACE_PARENT,
        key -> room.parent().map(p -> !p.equals(key)).orElse(true)));
    return changes;
  }

  /**
   * Whether the room links to one of this conference's spaces as its parent. Only such rooms
   * have their parent kept right (a moved talk's); rooms made without one stay without.
   */
  private static boolean hasParentLink(ObservedRoom seen, ObservedConference observed) {
    return seen.state().entrySet().stream().anyMatch(e ->
        e.getKey().type().equals(StateTypes.SPACE_PARENT) && !e.getValue().isEmpty()
            && observed.keyOf(e.getKey().stateKey()).isPresent());
  }

  /** Empties links of {@code type} that point at this conference's rooms and are not wanted. */
  private static List<Action> unlinks(ObservedRoom seen, ObservedConference observed, String type,
      Predicate<RoomKey> unwanted) {
    List<Action> changes = new ArrayList<>();
    seen.state().forEach((slot, content) -> {
      if (slot.type().equals(type) && !content.isEmpty()) {
        observed.keyOf(slot.stateKey()).filter(unwanted).ifPresent(key -> changes.add(
            new PutState(seen.key(), type, slot.stateKey(), Map.of(), "unlink " + key)));
      }
    });
    return changes;
  }
}

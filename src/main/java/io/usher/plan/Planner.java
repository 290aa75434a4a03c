package io.usher.plan;

import io.usher.plan.Action.CreateRoom;
import io.usher.plan.Action.LinkChild;
import io.usher.plan.Action.LinkParent;
import io.usher.plan.Action.PutState;
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

/**
 * Diffs the desired state against the observed one into a {@link Plan}. Pure: the same inputs
 * give the same plan, and a homeserver that matches gives an empty one.
 */
public final class Planner {
  private final String serverName;
  private final String botUserId;

  /**
   * @param serverName for {@code via} in space links
   * @param botUserId the bot's own power level entry is never planned or changed
   */
  public Planner(String serverName, String botUserId) {
    this.serverName = serverName;
    this.botUserId = botUserId;
  }

  public Plan plan(DesiredConference desired, ObservedConference observed) {
    List<CreateRoom> creates = new ArrayList<>();
    List<Action> changes = new ArrayList<>();
    Map<RoomKey, Integer> waves = new HashMap<>();
    for (DesiredRoom room : desired.rooms()) {
      Optional<ObservedRoom> seen = observed.room(room.key());
      if (seen.isPresent()) {
        changes.addAll(stateChanges(room, seen.get()));
        changes.addAll(linkChanges(room, seen.get(), observed));
        continue;
      }
      int wave = 1 + room.children().stream()
          .mapToInt(child -> waves.getOrDefault(child.key(), -1)).max().orElse(-1);
      waves.put(room.key(), wave);
      boolean parentExists = room.parent().flatMap(observed::room).isPresent();
      creates.add(new CreateRoom(room, wave, parentExists));
      if (room.parent().isPresent() && !parentExists) {
        changes.add(new LinkParent(room.key(), room.parent().get(), parentContent()));
      }
    }
    creates.sort(Comparator.comparingInt(CreateRoom::wave));
    List<Action> actions = new ArrayList<>(creates);
    actions.addAll(changes);
    Set<RoomKey> wanted = desired.byKey().keySet();
    List<ObservedRoom> unmanaged = observed.rooms().stream()
        .filter(room -> !wanted.contains(room.key())).toList();
    return new Plan(desired.conferenceId(), desired.name(), actions, unmanaged,
        observed.warnings(), desired.rooms().size());
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

  private List<Action> stateChanges(DesiredRoom room, ObservedRoom seen) {
    List<Action> changes = new ArrayList<>();
    for (DesiredStateEvent event : room.state()) {
      Optional<Map<String, Object>> current = seen.state(event.type(), event.stateKey());
      if (current.isEmpty() || !Contents.covers(current.get(), event.content())) {
        changes.add(new PutState(room.key(), event.type(), event.stateKey(), event.content(),
            Contents.brief(current.map(c -> relevant(c, event.content())).orElse(null))
                + " → " + Contents.brief(event.content())));
      }
    }
    powerLevelChange(room, seen).ifPresent(changes::add);
    return changes;
  }

  private static Map<String, Object> relevant(Map<String, Object> observed,
      Map<String, Object> desired) {
    Map<String, Object> out = new LinkedHashMap<>();
    desired.keySet().forEach(k -> out.put(k, observed.get(k)));
    return out;
  }

  /**
   * Compares the managed keys of the power levels, ignoring the bot's own entry; the new content
   * keeps every key the planner does not manage, and the bot's entry where the room has one.
   */
  private Optional<Action> powerLevelChange(DesiredRoom room, ObservedRoom seen) {
    Map<String, Object> desired = room.powerLevels().content();
    Map<String, Object> current = seen.state(StateTypes.POWER_LEVELS, "").orElse(Map.of());
    Map<String, Object> currentUsers = users(current);
    Object botLevel = currentUsers.remove(botUserId);
    Map<String, Object> scalars = new LinkedHashMap<>(desired);
    Object desiredUsers = scalars.remove("users");
    boolean same = Contents.covers(current, scalars)
        && Contents.normal(currentUsers).equals(Contents.normal(desiredUsers));
    if (same) {
      return Optional.empty();
    }
    Map<String, Object> merged = new LinkedHashMap<>(current);
    merged.putAll(scalars);
    Map<String, Object> users = new TreeMap<>(room.powerLevels().users());
    if (botLevel != null) {
      users.put(botUserId, botLevel);
    }
    merged.put("users", users);
    return Optional.of(new PutState(room.key(), StateTypes.POWER_LEVELS, "", merged,
        describeUsers(currentUsers, room.powerLevels().users(), current, scalars)));
  }

  private static Map<String, Object> users(Map<String, Object> powerLevels) {
    Map<String, Object> users = new TreeMap<>();
    if (powerLevels.get("users") instanceof Map<?, ?> map) {
      map.forEach((k, v) -> users.put(String.valueOf(k), v));
    }
    return users;
  }

  private static String describeUsers(Map<String, Object> current, Map<String, Integer> desired,
      Map<String, Object> currentContent, Map<String, Object> scalars) {
    List<String> parts = new ArrayList<>();
    desired.forEach((user, level) -> {
      if (!Contents.normal(level).equals(Contents.normal(current.get(user)))) {
        parts.add(user + " " + Optional.ofNullable(current.get(user)).orElse("-") + "→" + level);
      }
    });
    current.keySet().stream().filter(user -> !desired.containsKey(user))
        .forEach(user -> parts.add(user + " " + current.get(user) + "→-"));
    scalars.forEach((key, value) -> {
      if (!Contents.normal(value).equals(Contents.normal(currentContent.get(key)))) {
        parts.add(key + " " + currentContent.get(key) + "→" + value);
      }
    });
    return String.join(", ", parts);
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
    room.parent().ifPresent(parent -> {
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

package io.usher.plan.diff;

import io.usher.plan.Contents;
import io.usher.plan.DesiredRoom;
import io.usher.plan.Invitee;
import io.usher.plan.StateTypes;
import io.usher.plan.diff.Action.UpdatePeople;
import io.usher.plan.people.PeopleRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Plans the people side of a room: power levels and invites, against the room's
 * {@link PeopleRecord}. Users Usher did not grant power to, and anyone at 100, keep their power
 * unless the policy says to demote them; the bot's own entry is never touched.
 */
final class PeoplePlanner {
  private final String serverName;
  private final String botUserId;
  private final boolean demoteUnlisted;

  PeoplePlanner(String serverName, String botUserId, boolean demoteUnlisted) {
    this.serverName = serverName;
    this.botUserId = botUserId;
    this.demoteUnlisted = demoteUnlisted;
  }

  /**
   * For a room about to be created: the invites createRoom cannot carry (other servers'
   * users, e-mail addresses), sent once the room exists.
   */
  Optional<UpdatePeople> afterCreation(DesiredRoom room) {
    List<Invitee> local = room.localInvitees(serverName);
    List<Invitee> later = room.invitees().stream().filter(i -> !local.contains(i)).toList();
    if (later.isEmpty()) {
      return Optional.empty();
    }
    PeopleRecord record = PeopleRecord.initial(room, serverName);
    for (Invitee invitee : later) {
      record = record.with(invitee);
    }
    return Optional.of(new UpdatePeople(room.key(), Optional.empty(), "", later, record));
  }

  /**
   * For an existing room: what changes, if anything.
   *
   * @param kept receives the users left with power they have no role or config entry for
   */
  Optional<UpdatePeople> forExisting(DesiredRoom room, ObservedRoom seen, List<String> kept) {
    Map<String, Object> current = seen.state(StateTypes.POWER_LEVELS, "").orElse(Map.of());
    Map<String, Object> currentUsers = users(current);
    Object botLevel = currentUsers.remove(botUserId);
    PeopleRecord record = seen.state(PeopleRecord.TYPE, "").map(PeopleRecord::parse)
        .orElse(PeopleRecord.empty());
    Map<String, Integer> wanted = room.powerLevels().users();
    Map<String, Object> users = new TreeMap<>(wanted);
    currentUsers.forEach((user, level) -> {
      if (!wanted.containsKey(user) && keeps(user, level, record)) {
        users.put(user, level);
        kept.add(user);
      }
    });
    Map<String, Object> scalars = new LinkedHashMap<>(room.powerLevels().content());
    scalars.remove("users");
    boolean same = Contents.covers(current, scalars)
        && Contents.normal(currentUsers).equals(Contents.normal(users));
    Optional<Map<String, Object>> powerLevels =
        same ? Optional.empty() : Optional.of(merged(current, scalars, users, botLevel));
    String change = same ? "" : describe(currentUsers, users, current, scalars);
    List<Invitee> invites = room.invitees().stream().filter(i -> !record.hasInvited(i)).toList();
    PeopleRecord next = new PeopleRecord(wanted, record.invited(), record.emailInvited());
    for (Invitee invitee : invites) {
      next = next.with(invitee);
    }
    boolean recordSame = seen.state(PeopleRecord.TYPE, "").isPresent()
        && Contents.normal(record.content()).equals(Contents.normal(next.content()));
    if (powerLevels.isEmpty() && invites.isEmpty() && recordSame) {
      return Optional.empty();
    }
    return Optional.of(new UpdatePeople(room.key(), powerLevels, change, invites, next));
  }

  /** The current power levels with the wanted scalars and users; the bot keeps its level. */
  private Map<String, Object> merged(Map<String, Object> current, Map<String, Object> scalars,
      Map<String, Object> users, Object botLevel) {
    Map<String, Object> merged = new LinkedHashMap<>(current);
    merged.putAll(scalars);
    Map<String, Object> withBot = new TreeMap<>(users);
    if (botLevel != null) {
      withBot.put(botUserId, botLevel);
    }
    merged.put("users", withBot);
    return merged;
  }

  /** Whether a user with power and no role or config entry keeps it. */
  private boolean keeps(String user, Object level, PeopleRecord record) {
    if (demoteUnlisted) {
      return false;
    }
    boolean organiserLevel = level instanceof Number n && n.intValue() >= 100;
    return organiserLevel || !record.power().containsKey(user);
  }

  private static Map<String, Object> users(Map<String, Object> powerLevels) {
    Map<String, Object> users = new TreeMap<>();
    if (powerLevels.get("users") instanceof Map<?, ?> map) {
      map.forEach((k, v) -> users.put(String.valueOf(k), v));
    }
    return users;
  }

  private static String describe(Map<String, Object> current, Map<String, Object> wanted,
      Map<String, Object> currentContent, Map<String, Object> scalars) {
    List<String> parts = new ArrayList<>();
    wanted.forEach((user, level) -> {
      if (!Contents.normal(level).equals(Contents.normal(current.get(user)))) {
        parts.add(user + " " + Optional.ofNullable(current.get(user)).orElse("-") + "→" + level);
      }
    });
    current.keySet().stream().filter(user -> !wanted.containsKey(user))
        .forEach(user -> parts.add(user + " " + current.get(user) + "→-"));
    scalars.forEach((key, value) -> {
      if (!Contents.normal(value).equals(Contents.normal(currentContent.get(key)))) {
        parts.add(key + " " + currentContent.get(key) + "→" + value);
      }
    });
    return String.join(", ", parts);
  }
}

package io.usher.commands;

import io.usher.matrix.RoomEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether the bot may take orders in a room: anyone can create a room under the management
 * room's alias before the bot's first start, and would then command the bot. A room is trusted
 * when the bot created it ({@code m.room.create}'s sender), or when its power levels
 * (https://spec.matrix.org/latest/client-server-api/#mroompower_levels) give every configured
 * organiser at least {@link ManagementRoom#REQUIRED_LEVEL} and no one else more than the
 * organisers have, by entry, by default or as a creator (room version 12's implicit power).
 */
final class ManagementRoomTrust {
  private ManagementRoomTrust() {}

  /** Why the room with this state is not trusted, or empty when it is. */
  static Optional<String> refusal(List<RoomEvent> state, String botUserId,
      List<String> organisers) {
    Optional<RoomEvent> create = Optional.ofNullable(PowerCheck.find(state, "m.room.create"));
    if (create.map(e -> e.sender().equals(botUserId)).orElse(false)) {
      return Optional.empty();
    }
    String creator = create.map(RoomEvent::sender).orElse("unknown");
    if (organisers.isEmpty()) {
      return Optional.of("it was created by " + creator + ", not by the bot, and no organisers"
          + " are configured to control it");
    }
    List<String> problems = new ArrayList<>();
    long least = Long.MAX_VALUE;
    for (String organiser : organisers) {
      long level = PowerCheck.levelOf(organiser, state);
      least = Math.min(least, level);
      if (level < ManagementRoom.REQUIRED_LEVEL) {
        problems.add(organiser + " (an organiser) has power " + level + ", below the "
            + ManagementRoom.REQUIRED_LEVEL + " commands need");
      }
    }
    for (String other : others(state, botUserId, organisers)) {
      long level = PowerCheck.levelOf(other, state);
      if (level > least) {
        problems.add(other + " has " + describe(level) + ", more than the organisers'");
      }
    }
    long everyone = usersDefault(state);
    if (everyone >= ManagementRoom.REQUIRED_LEVEL || everyone > least) {
      problems.add("everyone has power " + everyone + " by default (users_default)");
    }
    return problems.isEmpty() ? Optional.empty() : Optional.of("it was created by " + creator
        + ", not by the bot, and its power levels do not leave the organisers in control: "
        + String.join("; ", problems));
  }

  /** Users other than the bot and the organisers who hold power by entry or as creators. */
  private static Set<String> others(List<RoomEvent> state, String botUserId,
      List<String> organisers) {
    Set<String> users = new TreeSet<>();
    state.forEach(event -> {
      if (event.type().equals("m.room.create")) {
        users.add(event.sender());
        if (event.content().get("additional_creators") instanceof List<?> more) {
          more.forEach(user -> users.add(String.valueOf(user)));
        }
      } else if (event.type().equals("m.room.power_levels")
          && event.content().get("users") instanceof Map<?, ?> entries) {
        entries.keySet().forEach(user -> users.add(String.valueOf(user)));
      }
    });
    users.remove(botUserId);
    organisers.forEach(users::remove);
    return users;
  }

  private static long usersDefault(List<RoomEvent> state) {
    return Optional.ofNullable(PowerCheck.find(state, "m.room.power_levels"))
        .map(e -> e.content().get("users_default") instanceof Number n ? n.longValue() : 0L)
        .orElse(0L);
  }

  private static String describe(long level) {
    return level == PowerCheck.CREATOR ? "unlimited power (a creator)" : "power " + level;
  }
}

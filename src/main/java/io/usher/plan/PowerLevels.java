package io.usher.plan;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parts of {@code m.room.power_levels} Usher manages
 * (https://spec.matrix.org/latest/client-server-api/#mroompower_levels). The bot itself is never
 * listed: in room version 12 a creator must not appear in {@code users}; in older versions the
 * executor adds it at creation. Other keys of the event are left as the homeserver made them.
 */
public record PowerLevels(
    Map<String, Integer> users, int eventsDefault, int stateDefault, int invite, int redact) {

  public PowerLevels {
    users = Map.copyOf(users);
  }

  /** The managed keys as event content (numbers as Integer, users sorted). */
  public Map<String, Object> content() {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("users", new TreeMap<>(users));
    content.put("users_default", 0);
    content.put("events_default", eventsDefault);
    content.put("state_default", stateDefault);
    content.put("invite", invite);
    content.put("kick", 50);
    content.put("ban", 50);
    content.put("redact", redact);
    return content;
  }
}

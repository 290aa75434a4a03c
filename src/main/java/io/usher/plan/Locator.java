package io.usher.plan;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The locator state event every managed room carries: type {@value #TYPE}, state_key {@code ""},
 * content {@code {"kind", "conference", "id", "track"?, "talk"?}}. Reading the locators of all
 * joined rooms (one filtered /sync) is how Usher finds its rooms again.
 */
public final class Locator {
  /** The locator's state event type. */
  public static final String TYPE = "io.usher.locator";

  private Locator() {}

  /** The locator content of a room; {@code trackId} may be empty. */
  public static Map<String, Object> content(RoomKey key, String trackId) {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("kind", key.kind().wireName());
    content.put("conference", key.conferenceId());
    content.put("id", key.id());
    if (!trackId.isEmpty()) {
      content.put("track", trackId);
    }
    if (key.kind() == RoomKind.TALK) {
      content.put("talk", key.id());
    }
    return content;
  }

  /** The key a locator content names, if it is a well-formed locator. */
  public static Optional<RoomKey> parse(Map<String, Object> content) {
    if (!(content.get("kind") instanceof String kind)
        || !(content.get("conference") instanceof String conference)
        || !(content.get("id") instanceof String id)) {
      return Optional.empty();
    }
    return RoomKind.fromWireName(kind).map(k -> new RoomKey(k, conference, id));
  }
}

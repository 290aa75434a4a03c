package io.usher.matrix;

import java.util.Map;
import java.util.Optional;

/**
 * A client event as {@code /sync}, {@code /messages} and {@code /rooms/{roomId}/state} return it
 * (https://spec.matrix.org/latest/client-server-api/#room-event-format).
 *
 * @param stateKey present for state events only
 * @param originServerTs milliseconds since the Unix epoch, by the sender's homeserver's clock
 * @param content the JSON object as maps, lists, strings, numbers and booleans
 */
public record RoomEvent(String eventId, String type, Optional<String> stateKey, String sender,
    long originServerTs, Map<String, Object> content) {

  /** A null content becomes an empty map. */
  public RoomEvent {
    content = content == null ? Map.of() : content;
  }

  /** Whether it is a state event (it has a state_key, possibly {@code ""}). */
  public boolean isState() {
    return stateKey.isPresent();
  }

  /** A string field of the content, or "" when it is absent or not a string. */
  public String text(String field) {
    return content.get(field) instanceof String s ? s : "";
  }
}

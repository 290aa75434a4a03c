package io.usher.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads events out of the client-server API's answers
 * (https://spec.matrix.org/latest/client-server-api/#events): room events, state events, a
 * {@code /sync} response and a {@code /messages} page.
 */
final class Events {
  private final JsonApi api;

  Events(JsonApi api) {
    this.api = api;
  }

  List<RoomEvent> roomEvents(JsonNode array) {
    List<RoomEvent> events = new ArrayList<>();
    array.forEach(e -> events.add(roomEvent(e)));
    return events;
  }

  RoomEvent roomEvent(JsonNode event) {
    Map<String, Object> content = api.toMap(event.path("content"));
    if (event.has("redacts") && !content.containsKey("redacts")) {
      // Room versions before 11 carry a redaction's target outside its content.
      content = new LinkedHashMap<>(content);
      content.put("redacts", event.path("redacts").asText());
    }
    return new RoomEvent(event.path("event_id").asText(), event.path("type").asText(),
        event.has("state_key") ? Optional.of(event.path("state_key").asText()) : Optional.empty(),
        event.path("sender").asText(), event.path("origin_server_ts").asLong(), content);
  }

  /** A {@code /sync} answer: the next batch token, each joined room's events, the rooms left. */
  SyncResponse sync(JsonNode body) {
    Map<String, SyncResponse.JoinedRoom> rooms = new LinkedHashMap<>();
    body.path("rooms").path("join").fields().forEachRemaining(room -> {
      JsonNode joined = room.getValue();
      List<StateEvent> state = new ArrayList<>();
      addStateEvents(joined.path("state").path("events"), state);
      addStateEvents(joined.path("timeline").path("events"), state);
      Map<String, Map<String, Object>> accountData = new LinkedHashMap<>();
      joined.path("account_data").path("events").forEach(
          e -> accountData.put(e.path("type").asText(), api.toMap(e.path("content"))));
      JsonNode timeline = joined.path("timeline");
      String prevBatch = timeline.path("prev_batch").asText("");
      rooms.put(room.getKey(), new SyncResponse.JoinedRoom(state,
          roomEvents(timeline.path("events")), accountData, timeline.path("limited")
          .asBoolean(false), prevBatch.isEmpty() ? Optional.empty() : Optional.of(prevBatch)));
    });
    Set<String> left = new HashSet<>();
    body.path("rooms").path("leave").fieldNames().forEachRemaining(left::add);
    return new SyncResponse(body.path("next_batch").asText(null), rooms, left);
  }

  /** A {@code /messages} answer. */
  MessagesPage messages(JsonNode body) {
    String end = body.path("end").asText("");
    return new MessagesPage(roomEvents(body.path("chunk")), body.path("start").asText(""),
        end.isEmpty() ? Optional.empty() : Optional.of(end), roomEvents(body.path("state")));
  }

  private void addStateEvents(JsonNode events, List<StateEvent> out) {
    for (JsonNode event : events) {
      if (event.has("state_key")) {
        out.add(new StateEvent(event.path("type").asText(), event.path("state_key").asText(),
            api.toMap(event.path("content"))));
      }
    }
  }
}

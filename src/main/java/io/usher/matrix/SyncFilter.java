package io.usher.matrix;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A {@code /sync} filter (https://spec.matrix.org/latest/client-server-api/#filtering) that
 * returns either some rooms' current state or their timeline, and nothing else: no presence,
 * ephemeral events or global account data. Pass {@link #json()} to {@link MatrixClient#sync}.
 *
 * <p>Each filter carries a random {@code io.usher.nonce}: Synapse answers an initial sync
 * identical to one made in the last {@code sync_response_cache_duration} (2 minutes by default)
 * from its cache, so a bot restarted within that time would see the rooms as they were, not as
 * they are. Filters allow unknown keys, and the raw filter is part of the cache key. Immutable;
 * the same instance gives the same JSON.
 *
 * @param stateTypes the state event types to return; empty for no state
 * @param timelineTypes the timeline event types to return; empty for no timeline
 * @param timelineLimit the most timeline events per room and response
 * @param rooms only these room ids; empty for every joined room
 * @param roomAccountData room account data types to return; empty for none
 * @param nonce the cache-defeating value
 * @param lazyMembers whether the state holds only the {@code m.room.member} events of the
 *     timeline's senders ({@code lazy_load_members},
 *     https://spec.matrix.org/latest/client-server-api/#lazy-loading-room-members) rather than
 *     every member's
 */
public record SyncFilter(List<String> stateTypes, List<String> timelineTypes, int timelineLimit,
    List<String> rooms, List<String> roomAccountData, String nonce, boolean lazyMembers) {

  /** Reads filters' JSON in {@link #parse}; thread-safe once made. */
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Copies the lists; rejects nulls. */
  public SyncFilter {
    stateTypes = List.copyOf(stateTypes);
    timelineTypes = List.copyOf(timelineTypes);
    rooms = List.copyOf(rooms);
    roomAccountData = List.copyOf(roomAccountData);
    Objects.requireNonNull(nonce, "nonce");
  }

  /** A filter whose state, when it has members, has every member's. */
  public SyncFilter(List<String> stateTypes, List<String> timelineTypes, int timelineLimit,
      List<String> rooms, List<String> roomAccountData, String nonce) {
    this(stateTypes, timelineTypes, timelineLimit, rooms, roomAccountData, nonce, false);
  }

  /** The current state of these types in every joined room (members not lazy-loaded). */
  public static SyncFilter state(List<String> types) {
    return new SyncFilter(types, List.of(), 0, List.of(), List.of(), UUID.randomUUID().toString());
  }

  /** The timeline events of these types, at most {@code limit} per room and response; no state. */
  public static SyncFilter timeline(List<String> types, int limit) {
    return new SyncFilter(List.of(), types, limit, List.of(), List.of(),
        UUID.randomUUID().toString());
  }

  /** The same filter restricted to these room ids (empty for every joined room). */
  public SyncFilter inRooms(List<String> roomIds) {
    return new SyncFilter(stateTypes, timelineTypes, timelineLimit, roomIds, roomAccountData,
        nonce, lazyMembers);
  }

  /** The same filter also returning these types of room account data. */
  public SyncFilter withRoomAccountData(List<String> types) {
    return new SyncFilter(stateTypes, timelineTypes, timelineLimit, rooms, types, nonce,
        lazyMembers);
  }

  /**
   * The same filter also returning these state types, members lazy-loaded: a room's state then
   * has the {@code m.room.member} events of its timeline's senders only.
   */
  public SyncFilter withLazyMemberState(List<String> types) {
    return new SyncFilter(types, timelineTypes, timelineLimit, rooms, roomAccountData, nonce,
        true);
  }

  /** The filter as the JSON text {@code /sync} takes in its {@code filter} parameter. */
  public String json() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode room = f.objectNode();
    if (!rooms.isEmpty()) {
      room.set("rooms", array(rooms));
    }
    room.set("state", stateTypes.isEmpty() ? none()
        : f.objectNode().<ObjectNode>set("types", array(stateTypes))
            .put("lazy_load_members", lazyMembers));
    ObjectNode timeline = f.objectNode().put("limit", timelineLimit);
    if (!timelineTypes.isEmpty()) {
      timeline.set("types", array(timelineTypes));
    }
    room.set("timeline", timeline);
    room.set("ephemeral", none());
    room.set("account_data", roomAccountData.isEmpty() ? none()
        : f.objectNode().set("types", array(roomAccountData)));
    ObjectNode filter = f.objectNode();
    filter.set("room", room);
    filter.set("presence", none());
    filter.set("account_data", none());
    filter.put("io.usher.nonce", nonce);
    return filter.toString();
  }

  /**
   * The filter a {@link #json()} text describes (rooms, state and timeline types, limit,
   * account data types; a fresh nonce); empty when the text is not such JSON, e.g. the id of
   * an uploaded filter.
   */
  public static Optional<SyncFilter> parse(String json) {
    if (json == null || !json.startsWith("{")) {
      return Optional.empty();
    }
    try {
      JsonNode room = JSON.readTree(json).path("room");
      return Optional.of(new SyncFilter(strings(room.path("state").path("types")),
          strings(room.path("timeline").path("types")), room.path("timeline").path("limit")
          .asInt(0), strings(room.path("rooms")), strings(room.path("account_data")
          .path("types")), UUID.randomUUID().toString(),
          room.path("state").path("lazy_load_members").asBoolean(false)));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new java.util.ArrayList<>();
    array.forEach(node -> out.add(node.asText()));
    return out;
  }

  private static ObjectNode none() {
    return JsonNodeFactory.instance.objectNode().set("not_types", array(List.of("*")));
  }

  private static ArrayNode array(List<String> values) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    values.forEach(array::add);
    return array;
  }
}

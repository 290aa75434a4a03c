package io.usher.apply;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@code /sync} filters (https://spec.matrix.org/latest/client-server-api/#filtering) that return
 * the current state of some types and nothing else: no timeline, presence, ephemeral events or
 * global account data.
 *
 * <p>Each carries a random {@code io.usher.nonce}: Synapse answers an initial sync identical to
 * one made in the last {@code sync_response_cache_duration} (2 minutes by default) from its
 * cache, so a bot restarted within that time would see the rooms as they were, not as they are.
 * Filters allow unknown keys, and the raw filter is part of the cache key.
 */
final class StateFilters {
  private static final String NONE = "{\"not_types\":[\"*\"]}";

  private StateFilters() {}

  /**
   * @param rooms only these room ids; empty for every joined room
   * @param roomAccountData room account data types to include; empty for none
   */
  static String of(List<String> stateTypes, List<String> rooms, List<String> roomAccountData) {
    String roomsPart = rooms.isEmpty() ? "" : "\"rooms\":" + array(rooms) + ",";
    String accountData = roomAccountData.isEmpty() ? NONE
        : "{\"types\":" + array(roomAccountData) + "}";
    return "{\"room\":{" + roomsPart + "\"state\":{\"types\":" + array(stateTypes)
        + ",\"lazy_load_members\":false},\"timeline\":{\"limit\":0},\"ephemeral\":" + NONE
        + ",\"account_data\":" + accountData + "},\"presence\":" + NONE + ",\"account_data\":"
        + NONE + ",\"io.usher.nonce\":\"" + UUID.randomUUID() + "\"}";
  }

  private static String array(List<String> values) {
    return values.stream()
        .map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
        .collect(Collectors.joining(",", "[", "]"));
  }
}

package io.usher.matrix;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a {@code /sync} returned that Usher reads
 * (https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3sync).
 *
 * @param nextBatch the token to pass as {@code since} next time
 * @param joined every joined room in the response, by room id
 * @param left the rooms the bot left (or was removed from) since the {@code since} token, by
 *     id ({@code rooms.leave}); empty in a full read
 */
public record SyncResponse(String nextBatch, Map<String, JoinedRoom> joined, Set<String> left) {

  public SyncResponse {
    joined = Map.copyOf(joined);
    left = Set.copyOf(left);
  }

  /** An answer in which no room was left. */
  public SyncResponse(String nextBatch, Map<String, JoinedRoom> joined) {
    this(nextBatch, joined, Set.of());
  }

  /**
   * One joined room's part of the response.
   *
   * @param state the {@code state} block followed by state events in the {@code timeline}
   * @param timeline the timeline events, oldest first
   * @param accountData the bot's room account data, by type
   * @param limited whether the timeline left out events before its first one (more happened
   *     than its limit): read them with {@code /messages} from {@code prevBatch}
   * @param prevBatch the token to page backwards from the timeline's first event; empty when
   *     the homeserver gave none
   */
  public record JoinedRoom(List<StateEvent> state, List<RoomEvent> timeline,
      Map<String, Map<String, Object>> accountData, boolean limited,
      Optional<String> prevBatch) {

    public JoinedRoom {
      state = List.copyOf(state);
      timeline = List.copyOf(timeline);
      accountData = Map.copyOf(accountData);
    }

    /** A room whose timeline is complete since the last sync. */
    public JoinedRoom(List<StateEvent> state, List<RoomEvent> timeline,
        Map<String, Map<String, Object>> accountData) {
      this(state, timeline, accountData, false, Optional.empty());
    }
  }

}

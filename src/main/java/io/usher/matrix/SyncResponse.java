package io.usher.matrix;

import java.util.List;
import java.util.Map;
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
   */
  public record JoinedRoom(List<StateEvent> state, List<RoomEvent> timeline,
      Map<String, Map<String, Object>> accountData) {

    public JoinedRoom {
      state = List.copyOf(state);
      timeline = List.copyOf(timeline);
      accountData = Map.copyOf(accountData);
    }
  }

}

package io.usher;

import io.usher.matrix.MatrixClient;
import io.usher.matrix.RoomEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A room's newest events for a test to look at: only tests need them, so the client has no such call. */
public final class RecentMessages {
  private RecentMessages() {}

  /** At most {@code limit} of the newest events ({@code GET /messages} backwards), oldest first. */
  public static List<RoomEvent> of(MatrixClient client, String roomId, int limit) {
    List<RoomEvent> events = new ArrayList<>(client.messages(roomId, null, "b", limit, null).chunk());
    Collections.reverse(events);
    return events;
  }
}

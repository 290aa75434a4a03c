package io.usher.apply;

import io.usher.matrix.MatrixClient;
import io.usher.matrix.StateEvent;
import io.usher.matrix.SyncFilter;
import io.usher.matrix.SyncResponse;
import io.usher.plan.StateTypes;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads who is in some rooms ({@code m.room.member} state: join, invite, leave, ban) with one
 * {@code /sync} whose uploaded filter lists the rooms, instead of one request per room.
 */
public final class MembershipReader {
  private final MatrixClient client;
  private final String botUserId;

  /** @param botUserId the bot's user id ({@code @bot:server}), whose filters are uploaded */
  public MembershipReader(MatrixClient client, String botUserId) {
    this.client = client;
    this.botUserId = botUserId;
  }

  /** Room id to user id to membership, for the rooms the bot is in among {@code roomIds}. */
  public Map<String, Map<String, String>> memberships(Collection<String> roomIds) {
    Map<String, Map<String, String>> out = new HashMap<>();
    if (roomIds.isEmpty()) {
      return out;
    }
    String filterId = client.uploadFilter(botUserId, filter(roomIds));
    SyncResponse sync = client.sync(filterId, null, Duration.ZERO);
    sync.joined().forEach((roomId, joined) -> {
      Map<String, String> members = out.computeIfAbsent(roomId, k -> new HashMap<>());
      for (StateEvent event : joined.state()) {
        if (event.type().equals(StateTypes.MEMBER)
            && event.content().get("membership") instanceof String membership) {
          members.put(event.stateKey(), membership);
        }
      }
    });
    return out;
  }

  private static String filter(Collection<String> roomIds) {
    return SyncFilter.state(List.of(StateTypes.MEMBER)).inRooms(List.copyOf(roomIds)).json();
  }
}

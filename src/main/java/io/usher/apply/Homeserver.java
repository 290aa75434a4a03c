package io.usher.apply;

import io.usher.matrix.CreateRoomRequest;
import io.usher.matrix.MatrixClient;
import io.usher.matrix.MatrixException;
import io.usher.matrix.RateLimitListener;
import io.usher.matrix.RoomEvent;
import io.usher.matrix.SyncResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The client-server API calls that reading, planning and executing need
 * (https://spec.matrix.org/latest/client-server-api/), as a port: {@link #of(MatrixClient)} for
 * the real homeserver, a fake in unit tests. Every method throws {@link MatrixException} (status,
 * errcode, error) when the homeserver refuses or does not answer after the client's retries.
 */
public interface Homeserver {
  /**
   * The real homeserver, through the bot's client, reading its own writes (see
   * {@link ReadYourWrites}: a read that misses them is repeated for up to 10 s). One instance
   * per session: the reads see the writes made through the same instance.
   */
  static Homeserver of(MatrixClient client) {
    return new ReadYourWrites(new MatrixHomeserver(client), Duration.ofSeconds(10),
        Duration.ofMillis(200));
  }

  /** {@code POST /createRoom}; returns the new room's id ({@code !opaque:server}). */
  String createRoom(CreateRoomRequest request);

  /** {@code GET /directory/room/{alias}}: the room id, or empty when no room has the alias. */
  Optional<String> resolveAlias(String alias);

  /**
   * See {@link io.usher.matrix.RoomDirectory#deleteAlias}: true when deleted, false when
   * refused or unknown.
   */
  boolean deleteAlias(String alias);

  /**
   * Who created a room: its {@code m.room.create} sender when the bot can read its state, else
   * Synapse's record of it when the bot is a server admin; empty when neither can tell.
   */
  Optional<String> roomCreator(String roomId);

  /** See {@link io.usher.matrix.RoomDirectory#putAlias}. */
  void putAlias(String alias, String roomId);

  /** See {@link io.usher.matrix.RoomDirectory#isPublished}. */
  Optional<Boolean> isPublished(String roomId);

  /** See {@link MatrixClient#leave}. */
  void leave(String roomId);

  /** One state event's content; empty when the room has none of that type and key (404). */
  Optional<Map<String, Object>> getState(String roomId, String type, String stateKey);

  /** {@code PUT /rooms/{roomId}/state/{type}/{stateKey}}; returns the event id. */
  String putState(String roomId, String type, String stateKey, Map<String, Object> content);

  /** {@code POST /rooms/{roomId}/invite} for a Matrix user id. */
  void invite(String roomId, String userId);

  /**
   * An {@code m.notice} with a plain and an HTML body; the same {@code txnId} sends it once.
   * Returns the event id.
   */
  String sendNotice(String roomId, String txnId, String body, String html);

  /** {@code GET /rooms/{roomId}/state}: every current state event of a room the bot is in. */
  List<RoomEvent> roomState(String roomId);

  /**
   * {@code GET /sync} with a filter (JSON), from {@code since} (null for a full read), waiting at
   * most {@code timeout} for news.
   */
  SyncResponse sync(String filterJson, String since, Duration timeout);

  /** {@code GET /joined_rooms}: the ids of the rooms the bot is joined to. */
  Set<String> joinedRooms();

  /** The room version {@code createRoom} uses by default ({@code GET /capabilities}). */
  String defaultRoomVersion();

  /** Hears every 429 until the returned {@link Runnable} is run. */
  Runnable addRateLimitListener(RateLimitListener listener);
}

package io.usher.apply;

import io.usher.matrix.CreateRoomRequest;
import io.usher.matrix.MatrixClient;
import io.usher.matrix.MatrixException;
import io.usher.matrix.RateLimitListener;
import io.usher.matrix.RoomDirectory;
import io.usher.matrix.RoomEvent;
import io.usher.matrix.SynapseAdmin;
import io.usher.matrix.SyncResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link Homeserver} through the bot's {@link MatrixClient}: each call one request. */
final class MatrixHomeserver implements Homeserver {
  private final MatrixClient client;
  private final RoomDirectory directory;

  MatrixHomeserver(MatrixClient client) {
    this.client = client;
    this.directory = new RoomDirectory(client);
  }

  @Override
  public String createRoom(CreateRoomRequest request) {
    return client.createRoom(request);
  }

  @Override
  public Optional<String> resolveAlias(String alias) {
    return client.resolveAlias(alias);
  }

  @Override
  public boolean deleteAlias(String alias) {
    return directory.deleteAlias(alias);
  }

  @Override
  public Optional<String> roomCreator(String roomId) {
    try {
      Optional<String> sender = client.roomState(roomId).stream()
          .filter(e -> e.type().equals("m.room.create")).map(RoomEvent::sender).findFirst();
      if (sender.isPresent()) {
        return sender;
      }
    } catch (MatrixException notJoined) {
      // Not in the room: ask the admin API, which knows rooms without events too.
    }
    return new SynapseAdmin(client).roomCreator(roomId);
  }

  @Override
  public void putAlias(String alias, String roomId) {
    directory.putAlias(alias, roomId);
  }

  @Override
  public Optional<Boolean> isPublished(String roomId) {
    return directory.isPublished(roomId);
  }

  @Override
  public void leave(String roomId) {
    client.leave(roomId);
  }

  @Override
  public Optional<Map<String, Object>> getState(String roomId, String type, String stateKey) {
    return client.getState(roomId, type, stateKey);
  }

  @Override
  public String putState(String roomId, String type, String stateKey,
      Map<String, Object> content) {
    return client.putState(roomId, type, stateKey, content);
  }

  @Override
  public void invite(String roomId, String userId) {
    client.invite(roomId, userId);
  }

  @Override
  public String sendNotice(String roomId, String txnId, String body, String html) {
    return client.sendNotice(roomId, txnId, body, html);
  }

  @Override
  public List<RoomEvent> roomState(String roomId) {
    return client.roomState(roomId);
  }

  @Override
  public SyncResponse sync(String filterJson, String since, Duration timeout) {
    return client.sync(filterJson, since, timeout);
  }

  @Override
  public Set<String> joinedRooms() {
    return client.joinedRooms();
  }

  @Override
  public String defaultRoomVersion() {
    return client.defaultRoomVersion();
  }

  @Override
  public Runnable addRateLimitListener(RateLimitListener listener) {
    return client.addRateLimitListener(listener);
  }
}

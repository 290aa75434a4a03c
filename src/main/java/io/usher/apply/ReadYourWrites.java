package io.usher.apply;

import io.usher.matrix.CreateRoomRequest;
import io.usher.matrix.MatrixException;
import io.usher.matrix.RateLimitListener;
import io.usher.matrix.RoomEvent;
import io.usher.matrix.StateEvent;
import io.usher.matrix.SyncFilter;
import io.usher.matrix.SyncResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A {@link Homeserver} whose reads see this process's writes: a {@code /sync} that does not
 * wait for news (full, or the changes since a token), a room's
 * state or one state event that misses a room this process created or left, or state it set, is
 * read again (every {@code pause}, for at most {@code patience}) until it shows them. Behind
 * Synapse workers the reads come from a worker that may not yet have replicated what the
 * writer just persisted; a single process is never behind and costs nothing extra. After
 * {@code patience} the read is taken as it is: the write may have been changed since by
 * someone else.
 */
final class ReadYourWrites implements Homeserver {
  private final Homeserver homeserver;
  private final Duration patience;
  private final Duration pause;
  private final Written written = new Written();

  ReadYourWrites(Homeserver homeserver, Duration patience, Duration pause) {
    this.homeserver = homeserver;
    this.patience = patience;
    this.pause = pause;
  }

  @Override
  public String createRoom(CreateRoomRequest request) {
    String roomId = homeserver.createRoom(request);
    written.created(roomId);
    return roomId;
  }

  @Override
  public void leave(String roomId) {
    homeserver.leave(roomId);
    written.left(roomId);
  }

  @Override
  public String putState(String roomId, String type, String stateKey,
      Map<String, Object> content) {
    String eventId = homeserver.putState(roomId, type, stateKey, content);
    written.stateSet(roomId, type, stateKey, content);
    return eventId;
  }

  @Override
  public SyncResponse sync(String filterJson, String since, Duration timeout) {
    Optional<SyncFilter> filter = SyncFilter.parse(filterJson);
    if (timeout.compareTo(Duration.ZERO) > 0 || filter.isEmpty()) {
      return homeserver.sync(filterJson, since, timeout);
    }
    // A write still to be seen happened after every token a read answered before it, so an
    // answer from `since` (changes only) must show it as a full read does.
    return until(() -> homeserver.sync(filterJson, since, timeout), sync -> written.missingFrom(
        sync, filter.get().rooms(), filter.get().stateTypes(), since == null).isEmpty(),
        () -> !written.isEmpty());
  }

  @Override
  public List<RoomEvent> roomState(String roomId) {
    return until(() -> homeserver.roomState(roomId), state -> written.missingFrom(roomId,
        state.stream().filter(e -> e.stateKey().isPresent()).map(e -> new StateEvent(e.type(),
            e.stateKey().get(), e.content())).toList()).isEmpty(),
        () -> written.concerns(roomId));
  }

  @Override
  public Optional<Map<String, Object>> getState(String roomId, String type, String stateKey) {
    return homeserver.getState(roomId, type, stateKey);
  }

  /**
   * Reads until {@code complete} accepts the answer or patience runs out; a refusal (a worker
   * that does not yet know the bot joined a room it just created answers 403) counts as
   * incomplete while {@code waiting} says writes are outstanding.
   */
  private <T> T until(Supplier<T> read, Predicate<T> complete, BooleanSupplier waiting) {
    Instant giveUp = Instant.now().plus(patience);
    while (waiting.getAsBoolean()) {
      try {
        T answer = read.get();
        if (complete.test(answer)) {
          return answer;
        }
      } catch (MatrixException e) {
        if (e.status() != 403 && e.status() != 404) {
          throw e;
        }
      }
      if (Instant.now().isAfter(giveUp) || !Pause.sleep(pause)) {
        written.forgetAll();
      }
    }
    return read.get();
  }

  @Override
  public Optional<String> resolveAlias(String alias) {
    return homeserver.resolveAlias(alias);
  }

  @Override
  public boolean deleteAlias(String alias) {
    return homeserver.deleteAlias(alias);
  }

  @Override
  public Optional<String> roomCreator(String roomId) {
    return homeserver.roomCreator(roomId);
  }

  @Override
  public void putAlias(String alias, String roomId) {
    homeserver.putAlias(alias, roomId);
  }

  @Override
  public Optional<Boolean> isPublished(String roomId) {
    return homeserver.isPublished(roomId);
  }

  @Override
  public void invite(String roomId, String userId) {
    homeserver.invite(roomId, userId);
  }

  @Override
  public String sendNotice(String roomId, String txnId, String body, String html) {
    return homeserver.sendNotice(roomId, txnId, body, html);
  }

  @Override
  public Set<String> joinedRooms() {
    return homeserver.joinedRooms();
  }

  @Override
  public String defaultRoomVersion() {
    return homeserver.defaultRoomVersion();
  }

  @Override
  public Runnable addRateLimitListener(RateLimitListener listener) {
    return homeserver.addRateLimitListener(listener);
  }
}

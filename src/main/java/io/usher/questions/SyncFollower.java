package io.usher.questions;

import io.usher.matrix.MatrixClient;
import io.usher.matrix.MatrixException;
import io.usher.matrix.SyncFilter;
import io.usher.matrix.SyncResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Follows every followed track room with one long-polling filtered {@code /sync}
 * (https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3sync, filter:
 * https://spec.matrix.org/latest/client-server-api/#filtering): the timeline's messages,
 * reactions, redactions and member events (renames), members' names as lazy-loaded state. The
 * first sync gives each room its last {@link #TIMELINE_LIMIT} events; each next one waits up to
 * the long-poll timeout for something new and answers as soon as it happens. A sync starts at
 * most once per {@code pace}, so the requests it makes are at most one a pace whatever the
 * number of rooms and viewers.
 *
 * <p>A failed sync keeps the {@code since} token and every room's tally, and is tried again
 * after a backoff (1 s, doubling up to 30 s); a token the homeserver refuses is said in the log
 * and the rooms read afresh. {@link #step} is one turn of the loop; {@link MatrixQuestions}
 * runs it on its thread.
 */
final class SyncFollower {
  /** Per room in the first sync: a talk's questions and their 👍, or the start of them. */
  static final int TIMELINE_LIMIT = 100;
  static final List<String> TIMELINE = List.of("m.room.message", "m.reaction",
      "m.room.redaction", "m.room.member");
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final Supplier<MatrixClient> client;
  private final Supplier<String> botUserId;
  private final Duration longPoll;
  private final Consumer<String> log;
  private final SyncFilter base = SyncFilter.timeline(TIMELINE, TIMELINE_LIMIT)
      .withLazyMemberState(List.of("m.room.member"));
  private final Map<String, RoomTimeline> rooms = new ConcurrentHashMap<>();
  private volatile String since;
  private volatile Optional<String> failure = Optional.of("the track rooms are not read yet");
  private volatile boolean tried;
  private int failures;

  /**
   * @param client reads as the bot; asked for on the first sync
   * @param longPoll how long a sync waits for something new
   * @param log told of failures and recoveries, a line each
   */
  SyncFollower(Supplier<MatrixClient> client, Supplier<String> botUserId, Duration longPoll,
      Consumer<String> log) {
    this.client = client;
    this.botUserId = botUserId;
    this.longPoll = longPoll;
    this.log = log;
  }

  /**
   * The room's timeline, followed from now on: a room unknown at the first sync has its
   * history read with {@code /messages} when first asked, and its new events from the next
   * sync on.
   */
  RoomTimeline follow(String roomId) {
    return rooms.computeIfAbsent(roomId, id -> new RoomTimeline(client, id, botUserId.get()));
  }

  /** Why the rooms cannot be shown now (the last sync failed, or none succeeded yet). */
  Optional<String> failure() {
    return failure;
  }

  /** Whether a sync has been tried (and succeeded or failed) since the start. */
  boolean tried() {
    return tried;
  }

  /**
   * One sync of the followed rooms (none: nothing to do).
   *
   * @return how long to wait before the next: zero after a success, a backoff after a failure
   */
  Duration step() {
    Set<String> followed = new TreeSet<>(rooms.keySet());
    if (followed.isEmpty()) {
      return Duration.ofSeconds(1);
    }
    String from = since;
    try {
      SyncResponse response = client.get().sync(base.inRooms(List.copyOf(followed)).json(),
          from, from == null ? Duration.ZERO : longPoll);
      response.joined().forEach((roomId, room) -> {
        RoomTimeline timeline = rooms.get(roomId);
        if (timeline != null) {
          timeline.synced(room, from == null);
        }
      });
      since = response.nextBatch();
      recovered();
      return Duration.ZERO;
    } catch (MatrixException e) {
      return failed(from, e);
    }
  }

  private void recovered() {
    if (failures > 0) {
      log.accept("questions: the track rooms are read again after " + failures
          + " failed syncs");
    }
    failures = 0;
    failure = Optional.empty();
    tried = true;
  }

  private Duration failed(String from, MatrixException e) {
    failures++;
    tried = true;
    failure = Optional.of("the homeserver did not answer: " + e.getMessage());
    if (from != null && e.status() == 400) {
      log.accept("questions: the homeserver refused the sync token (" + e.getMessage()
          + "); reading the track rooms afresh");
      since = null;
      rooms.replaceAll((id, old) -> new RoomTimeline(client, id, botUserId.get()));
      return Duration.ZERO;
    }
    Duration backoff = Duration.ofSeconds(1L << Math.min(failures - 1, 5));
    backoff = backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
    log.accept("questions: sync failed (" + failures + " in a row), keeping the last tally and"
        + " the sync token, trying again in " + backoff.toSeconds() + " s: " + e.getMessage());
    return backoff;
  }
}

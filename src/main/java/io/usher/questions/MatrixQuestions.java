package io.usher.questions;

import io.usher.matrix.MatrixClient;
import io.usher.matrix.MatrixException;
import io.usher.web.Question;
import io.usher.web.QuestionSource;
import io.usher.web.QuestionsUnavailable;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The questions scoreboard's messages, read from the track rooms on the homeserver with the
 * bot's account: one long-polling filtered {@code /sync} for all of them ({@link SyncFollower},
 * https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3sync), so the requests
 * grow with neither the rooms nor the viewers: at most one sync per {@code pace}, plus, once
 * per room, a {@code /messages} read of the history older than the first sync's timeline.
 *
 * <p>The track rooms are found when the loop starts (their aliases, once each; the missing
 * ones again every {@link #FIND_EVERY}) and when a viewer asks for one, so a web server started
 * while the homeserver is down starts answering once it is up. Made without I/O; {@link #start}
 * starts the loop's thread, {@link #close} ends it.
 */
public final class MatrixQuestions implements QuestionSource, AutoCloseable {
  /** The track rooms not found yet (not built) are looked for again this often. */
  static final Duration FIND_EVERY = Duration.ofMinutes(5);
  /** How long a viewer's first request waits for the first sync before "unavailable". */
  private static final Duration FIRST_SYNC_WAIT = Duration.ofSeconds(5);

  private final Supplier<Collection<String>> trackIds;
  private final Function<String, Optional<String>> trackRoom;
  private final Duration pace;
  private final SyncFollower follower;
  private final CountDownLatch firstSync = new CountDownLatch(1);
  private final Thread loop = new Thread(this::run, "usher-questions-sync");
  private volatile boolean running = true;
  private long foundAt = Long.MIN_VALUE;

  /**
   * @param client reads as the bot; asked for after {@code trackRoom} has answered, so it may be
   *     made then (an application service asserts the bot's identity once it knows the server)
   * @param trackIds the schedule's tracks, now
   * @param trackRoom a track id to its room id, if the room exists; may call the homeserver
   * @param botUserId the bot's user id (its own messages are announcements, not questions)
   * @param pace the shortest time from one sync's start to the next's: how stale a page may be
   *     at most beyond a sync's round trip, and one over the most requests a second
   * @param longPoll how long one sync waits for news (an answer comes as soon as there is some)
   * @param log told of sync failures and recoveries
   */
  public MatrixQuestions(Supplier<MatrixClient> client, Supplier<Collection<String>> trackIds,
      Function<String, Optional<String>> trackRoom, Supplier<String> botUserId, Duration pace,
      Duration longPoll, Consumer<String> log) {
    this.trackIds = trackIds;
    this.trackRoom = trackRoom;
    this.pace = pace;
    this.follower = new SyncFollower(client, botUserId, longPoll, log);
    loop.setDaemon(true);
  }

  /** Starts following the track rooms. */
  public MatrixQuestions start() {
    loop.start();
    return this;
  }

  @Override
  public List<Question> questions(String trackId, Instant from, Instant to) {
    try {
      String roomId = trackRoom.apply(trackId).orElseThrow(() -> new QuestionsUnavailable(
          "the room of track " + trackId + " does not exist yet"));
      RoomTimeline timeline = follower.follow(roomId);
      awaitFirstSync();
      Optional<String> failure = follower.failure();
      if (failure.isPresent()) {
        throw new QuestionsUnavailable(failure.get());
      }
      return timeline.questions(from, to);
    } catch (MatrixException e) {
      throw new QuestionsUnavailable("the homeserver did not answer: " + e.getMessage(), e);
    }
  }

  private void awaitFirstSync() {
    try {
      firstSync.await(FIRST_SYNC_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    while (running) {
      long started = System.nanoTime();
      Duration wait;
      try {
        findRooms();
        wait = follower.step();
        if (follower.tried()) {
          firstSync.countDown();
        }
      } catch (RuntimeException e) {
        // Finding the rooms failed (the homeserver is down): the next turn tries again.
        wait = Duration.ofSeconds(5);
      }
      Duration paced = pace.minusNanos(System.nanoTime() - started);
      sleep(wait.compareTo(paced) > 0 ? wait : paced);
    }
  }

  /** Follows every track's room that exists; asks again for the missing ones now and then. */
  private void findRooms() {
    long now = System.nanoTime();
    if (foundAt != Long.MIN_VALUE && now - foundAt < FIND_EVERY.toNanos()) {
      return;
    }
    for (String trackId : trackIds.get()) {
      trackRoom.apply(trackId).ifPresent(follower::follow);
    }
    foundAt = now;
  }

  private void sleep(Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      return;
    }
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      running = false;
    }
  }

  @Override
  public void close() {
    running = false;
    loop.interrupt();
  }
}

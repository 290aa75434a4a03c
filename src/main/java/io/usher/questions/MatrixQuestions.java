package io.usher.questions;

import io.usher.matrix.MatrixClient;
import io.usher.matrix.MatrixException;
import io.usher.web.Question;
import io.usher.web.QuestionSource;
import io.usher.web.QuestionsUnavailable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The questions scoreboard's messages, read from each track room on the homeserver with the
 * bot's account. Rooms are found on first use, so a web server started while the homeserver
 * is down starts answering once it is up.
 */
public final class MatrixQuestions implements QuestionSource {
  private final Supplier<MatrixClient> client;
  private final Function<String, Optional<String>> trackRoom;
  private final Supplier<String> botUserId;
  private final Clock clock;
  private final Duration minInterval;
  private final Map<String, RoomTimeline> timelines = new ConcurrentHashMap<>();

  /**
   * @param client reads as the bot; asked for after {@code trackRoom} has answered, so it may be
   *     made then (an application service asserts the bot's identity once it knows the server)
   * @param trackRoom a track id to its room id, if the room exists; may call the homeserver
   * @param botUserId the bot's user id (its own messages are announcements, not questions)
   * @param minInterval how stale a room's messages may be: the scoreboard's refresh period
   */
  public MatrixQuestions(Supplier<MatrixClient> client, Function<String, Optional<String>> trackRoom,
      Supplier<String> botUserId, Clock clock, Duration minInterval) {
    this.client = client;
    this.trackRoom = trackRoom;
    this.botUserId = botUserId;
    this.clock = clock;
    this.minInterval = minInterval;
  }

  @Override
  public List<Question> questions(String trackId, Instant from, Instant to) {
    try {
      RoomTimeline timeline = timelines.get(trackId);
      if (timeline == null) {
        String roomId = trackRoom.apply(trackId).orElseThrow(() -> new QuestionsUnavailable(
            "the room of track " + trackId + " does not exist yet"));
        timeline = timelines.computeIfAbsent(trackId, id -> new RoomTimeline(client.get(),
            roomId, botUserId.get(), clock, minInterval));
      }
      return timeline.questions(from, to);
    } catch (MatrixException e) {
      throw new QuestionsUnavailable("the homeserver did not answer: " + e.getMessage(), e);
    }
  }
}

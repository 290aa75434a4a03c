package io.usher.questions;

import io.usher.matrix.MatrixClient;
import io.usher.matrix.MessagesPage;
import io.usher.matrix.RoomEvent;
import io.usher.web.Question;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One room's messages and reactions, read with {@code /messages}: backwards once, as far as
 * the earliest talk asked about, then forwards from where the first read began, at most once
 * per {@code minInterval}. So a room costs one request per interval however many people
 * watch its scoreboard.
 */
final class RoomTimeline {
  /** Only what the scoreboard counts, and the senders' display names. */
  static final String FILTER = "{\"types\":[\"m.room.message\",\"m.reaction\","
      + "\"m.room.redaction\"],\"lazy_load_members\":true}";
  private static final int PAGE = 100;
  /** A backwards read stops here, so a huge room cannot stall a page. */
  private static final int MAX_BACK_PAGES = 50;

  private final MatrixClient client;
  private final String roomId;
  private final Clock clock;
  private final Duration minInterval;
  private final Tally tally;
  private String forwardToken;
  private String backwardToken;
  private boolean startReached;
  private Instant readBackTo = Instant.MAX;
  private Instant lastRead = Instant.MIN;

  RoomTimeline(MatrixClient client, String roomId, String botUserId, Clock clock,
      Duration minInterval) {
    this.client = client;
    this.roomId = roomId;
    this.clock = clock;
    this.minInterval = minInterval;
    this.tally = new Tally(botUserId);
  }

  /** Messages in [from, to), ranked; reads the homeserver when the last read is stale. */
  synchronized List<Question> questions(Instant from, Instant to) {
    Instant now = clock.instant();
    if (forwardToken != null && !now.isBefore(lastRead.plus(minInterval))) {
      readForward();
      lastRead = now;
    }
    if (from.isBefore(readBackTo) && !startReached) {
      readBack(from);
      lastRead = now;
    }
    return tally.ranked(from, to);
  }

  private void readBack(Instant from) {
    for (int pages = 0; pages < MAX_BACK_PAGES; pages++) {
      MessagesPage page = client.messages(roomId, backwardToken, "b", PAGE, FILTER);
      if (forwardToken == null) {
        forwardToken = page.start();
      }
      add(page, true);
      page.chunk().stream().map(e -> Instant.ofEpochMilli(e.originServerTs()))
          .min(Instant::compareTo).ifPresent(oldest -> readBackTo = oldest);
      backwardToken = page.end().orElse(null);
      if (backwardToken == null || page.chunk().isEmpty()) {
        startReached = true;
        return;
      }
      if (readBackTo.isBefore(from)) {
        return;
      }
    }
  }

  private void readForward() {
    for (int pages = 0; pages < MAX_BACK_PAGES; pages++) {
      MessagesPage page = client.messages(roomId, forwardToken, "f", PAGE, FILTER);
      add(page, false);
      forwardToken = page.end().orElse(forwardToken);
      if (page.chunk().size() < PAGE) {
        return;
      }
    }
  }

  private void add(MessagesPage page, boolean newestFirst) {
    page.state().forEach(tally::add);
    List<RoomEvent> chunk = page.chunk();
    for (int i = 0; i < chunk.size(); i++) {
      tally.add(chunk.get(newestFirst ? chunk.size() - 1 - i : i));
    }
  }
}

package io.usher.questions;

import io.usher.matrix.MatrixClient;
import io.usher.matrix.MessagesPage;
import io.usher.matrix.RoomEvent;
import io.usher.matrix.StateEvent;
import io.usher.matrix.SyncResponse.JoinedRoom;
import io.usher.web.Question;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * One track room's messages, reactions and names. New events come from the scoreboard's one
 * {@code /sync} ({@link SyncFollower}, https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3sync),
 * in order; what happened before the first sync is read backwards with {@code /messages}
 * (https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3roomsroomidmessages)
 * once, as far as the earliest talk asked about, from where the first sync's timeline began (or
 * from now for a room followed later). A sync whose timeline was {@code limited} (more happened
 * than its limit, e.g. while the homeserver was away) has its gap read the same way, so no
 * event is lost. Thread-safe: the sync thread writes, the web server's threads read.
 */
final class RoomTimeline {
  /** What the scoreboard counts, and the senders' display names as they were (lazy-loaded). */
  static final String FILTER = "{\"types\":[\"m.room.message\",\"m.reaction\","
      + "\"m.room.redaction\"],\"lazy_load_members\":true}";
  /** A gap since the last sync: renames in it too. */
  static final String GAP_FILTER = "{\"types\":[\"m.room.message\",\"m.reaction\","
      + "\"m.room.redaction\",\"m.room.member\"],\"lazy_load_members\":true}";
  private static final int PAGE = 100;
  /** A backwards read stops here, so a huge room cannot stall a page. */
  private static final int MAX_BACK_PAGES = 50;

  private final Supplier<MatrixClient> client;
  private final String roomId;
  private final Tally tally;
  /** Where the history before the first sync continues; null: from now. */
  private String backwardToken;
  private boolean startReached;
  private boolean anchored;
  private Instant readBackTo = Instant.MAX;
  private long newestSeen = Long.MIN_VALUE;

  /** @param client asked for only when history or a gap is read */
  RoomTimeline(Supplier<MatrixClient> client, String roomId, String botUserId) {
    this.client = client;
    this.roomId = roomId;
    this.tally = new Tally(botUserId);
  }

  String roomId() {
    return roomId;
  }

  /**
   * Takes one sync's part of this room: its state (members, current at the timeline's start),
   * then its timeline in order.
   *
   * @param first whether it is from the first sync this room was in (an initial sync), whose
   *     timeline's start is where the history read continues
   */
  synchronized void synced(JoinedRoom room, boolean first) {
    List<RoomEvent> timeline = room.timeline();
    long asOf = timeline.isEmpty() ? newestSeen : timeline.get(0).originServerTs();
    for (StateEvent state : room.state()) {
      if (state.type().equals("m.room.member")) {
        tally.member(state.stateKey(), state.content(), asOf);
      }
    }
    if (room.limited() && !first && anchored) {
      readGap(room.prevBatch().orElse(null), newestSeen);
    }
    timeline.forEach(this::add);
    if (first && !anchored) {
      anchored = true;
      backwardToken = room.prevBatch().orElse(null);
      startReached = !room.limited() || backwardToken == null;
      timeline.stream().map(e -> Instant.ofEpochMilli(e.originServerTs()))
          .min(Instant::compareTo).ifPresent(oldest -> readBackTo = oldest);
    }
  }

  /** Messages in [from, to), ranked; reads history back to {@code from} the first time. */
  synchronized List<Question> questions(Instant from, Instant to) {
    if (from.isBefore(readBackTo) && !startReached) {
      readBack(from);
    }
    return tally.ranked(from, to);
  }

  private void readBack(Instant from) {
    anchored = true;
    for (int pages = 0; pages < MAX_BACK_PAGES; pages++) {
      MessagesPage page = client.get().messages(roomId, backwardToken, "b", PAGE, FILTER);
      addPage(page);
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

  /** Pages back from a limited timeline's start to the events seen before it. */
  private void readGap(String from, long seenUntil) {
    if (from == null) {
      return;
    }
    String token = from;
    for (int pages = 0; pages < MAX_BACK_PAGES && token != null; pages++) {
      MessagesPage page = client.get().messages(roomId, token, "b", PAGE, GAP_FILTER);
      addPage(page);
      boolean reached = page.chunk().stream().anyMatch(e -> e.originServerTs() < seenUntil
          || tally.knows(e.eventId()));
      token = page.chunk().isEmpty() || reached ? null : page.end().orElse(null);
    }
  }

  /** A backwards page: newest first, its state as of some past event. */
  private void addPage(MessagesPage page) {
    page.state().forEach(member -> member.stateKey().ifPresent(user ->
        tally.member(user, member.content(), Long.MIN_VALUE)));
    List<RoomEvent> chunk = page.chunk();
    for (int i = chunk.size() - 1; i >= 0; i--) {
      add(chunk.get(i));
    }
  }

  private void add(RoomEvent event) {
    tally.add(event);
    newestSeen = Math.max(newestSeen, event.originServerTs());
  }
}

package io.usher.commands;

import io.usher.matrix.CreateRoomRequest;
import io.usher.matrix.MatrixClient;
import io.usher.matrix.RoomVersions;
import io.usher.matrix.SyncFilter;
import io.usher.matrix.SyncResponse;
import io.usher.plan.Html;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The room organisers run the bot from. A long-polling {@code /sync} restricted to this room's
 * messages delivers commands ({@code !usher ...}); members with power level 50 or more are
 * obeyed, others are refused politely and nothing changes. Messages sent before the bot started
 * are not acted on.
 */
public final class ManagementRoom implements AutoCloseable {
  /** The power level a member needs to give commands. */
  public static final int REQUIRED_LEVEL = 50;

  private final MatrixClient client;
  private final String roomId;
  private final Inbox inbox;
  private final Duration pollTimeout;
  private final Consumer<String> log;
  private final AtomicLong sent = new AtomicLong();
  private final String session = UUID.randomUUID().toString().substring(0, 8);
  private final SyncFilter filter;
  private final SyncCursor cursor;
  private volatile boolean running;
  private Thread listener;

  /**
   * @param pollTimeout how long one {@code /sync} waits for messages (also how long stopping may
   *     take)
   * @param log receives a line per command handled and per listening error
   */
  public ManagementRoom(MatrixClient client, String botUserId, String roomId, BotControl control,
      ZoneId zone, Duration pollTimeout, Consumer<String> log) {
    this(client, botUserId, roomId, control, zone, pollTimeout, log, SyncCursor.fromNow());
  }

  /** @param cursor where listening goes on from, and where it is kept after each batch */
  public ManagementRoom(MatrixClient client, String botUserId, String roomId, BotControl control,
      ZoneId zone, Duration pollTimeout, Consumer<String> log, SyncCursor cursor) {
    this.client = client;
    this.cursor = cursor;
    this.roomId = roomId;
    this.filter = SyncFilter.timeline(List.of("m.room.message"), 50).inRooms(List.of(roomId));
    this.inbox = new Inbox(botUserId, roomId, new Commands(control, zone), log);
    this.pollTimeout = pollTimeout;
    this.log = log;
  }

  /**
   * The management room's id: {@code room} (an id or an alias) joined; an alias of this server
   * that does not exist yet is created as a private room with the organisers invited at power
   * 100.
   *
   * @throws UntrustedRoomException when an existing room was not created by the bot and does
   *     not leave the organisers in control ({@link ManagementRoomTrust}); the bot leaves it
   */
  public static String open(MatrixClient client, String room, String botUserId,
      String serverName, List<String> organisers, String conferenceName) {
    if (room.startsWith("#") && client.resolveAlias(room).isEmpty()
        && room.endsWith(":" + serverName)) {
      Map<String, Object> users = new TreeMap<>();
      organisers.forEach(user -> users.put(user, 100));
      if (!RoomVersions.creatorsHaveImplicitPower(client.defaultRoomVersion())) {
        users.put(botUserId, 100);
      }
      String localpart = room.substring(1, room.length() - serverName.length() - 1);
      return client.createRoom(new CreateRoomRequest("private_chat", "private", localpart,
          conferenceName + " management", "Usher's management room: !usher help", organisers,
          Map.of("users", users), List.of(), null, null));
    }
    String roomId = client.join(room);
    Optional<String> refusal = ManagementRoomTrust.refusal(client.roomState(roomId), botUserId,
        organisers);
    if (refusal.isPresent()) {
      client.leave(roomId);
      throw new UntrustedRoomException("management_room " + room + " (" + roomId + ") is"
          + " refused: " + refusal.get() + ". Give the organisers the highest power in it, or"
          + " set management_room to a new alias for the bot to create.");
    }
    return roomId;
  }

  public String roomId() {
    return roomId;
  }

  /**
   * Starts listening on a daemon thread; commands sent from now on (or from where the cursor
   * was kept) are answered.
   */
  public void start() {
    // Messages sent before now are not acted on: this first sync only finds where now is.
    String since = cursor.since().orElseGet(() -> {
      String now = client.sync(filter(), null, Duration.ZERO).nextBatch();
      // Kept at once: a bot taking over goes on from here even if no batch came in between.
      cursor.save(now);
      return now;
    });
    running = true;
    listener = new Thread(() -> listen(since), "usher-management-room");
    listener.setDaemon(true);
    listener.start();
  }

  /** Posts a notice from the bot (a skipped announcement, an error). Never throws. */
  public void notice(String text) {
    try {
      client.sendNotice(roomId, "usher." + session + "." + sent.incrementAndGet(), text,
          html(text));
    } catch (RuntimeException e) {
      log.accept("cannot post in the management room: " + e.getMessage());
    }
  }

  private void listen(String from) {
    String since = from;
    while (running) {
      try {
        SyncResponse sync = client.sync(filter(), since, pollTimeout);
        boolean moved = !sync.nextBatch().equals(since);
        since = sync.nextBatch();
        inbox.commands(sync).forEach(this::handle);
        if (moved) {
          cursor.save(since);
        }
      } catch (RuntimeException e) {
        if (running) {
          log.accept("management room: " + e.getMessage());
        }
      }
    }
  }

  private void handle(Inbox.Command command) {
    if (!running) {
      return;
    }
    long level = PowerCheck.levelOf(command.sender(), client.roomState(roomId));
    String reply = inbox.reply(command, level);
    client.sendNotice(roomId, "usher.reply." + command.eventId(), reply, html(reply));
  }

  private static String html(String text) {
    return Html.escape(text).replace("\n", "<br>");
  }

  /** This room's messages only; see {@link SyncFilter} for its nonce. */
  private String filter() {
    return filter.json();
  }

  /** Stops listening; the current long poll ends within the poll timeout. */
  @Override
  public void close() {
    running = false;
    if (listener != null) {
      listener.interrupt();
    }
  }
}

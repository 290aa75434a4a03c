package io.usher.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.LocalSynapse;
import io.usher.RecentMessages;
import io.usher.app.config.ConfigLoader;
import io.usher.app.config.Settings;
import io.usher.app.config.TestConfigs;
import io.usher.apply.ObservedStateReader;
import io.usher.matrix.MatrixClient;
import io.usher.matrix.RoomEvent;
import io.usher.plan.RoomKey;
import io.usher.plan.RoomKind;
import io.usher.plan.diff.ObservedConference;
import io.usher.plan.diff.ObservedRoom;
import io.usher.scheduler.PhaseOutcome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Runs {@link LiveBot}s in this JVM against the local Synapse and reads what they did. */
final class LiveBotFixture {
  final LocalSynapse synapse = LocalSynapse.get();
  final MatrixClient reader = synapse.bot();
  final String conferenceId = "lc" + UUID.randomUUID().toString().substring(0, 8);
  final Queue<PhaseOutcome> outcomes = new ConcurrentLinkedQueue<>();
  final Path config;
  private ObservedConference rooms;

  /** @param extraYaml appended to the config (lifecycle, management_room) */
  LiveBotFixture(Path dir, Path schedule, String extraYaml) throws Exception {
    config = TestConfigs.write(dir, synapse, conferenceId, "UTC", schedule, extraYaml);
  }

  LiveBot start(Clock clock) throws Exception {
    Settings settings = new ConfigLoader().load(config);
    LiveBot bot = LiveBot.open(settings, clock, new PrintWriter(new StringWriter()),
        outcomes::add, Duration.ofSeconds(2));
    bot.start();
    return bot;
  }

  ObservedConference rooms() {
    return new ObservedStateReader(io.usher.apply.Homeserver.of(reader)).read(conferenceId);
  }

  /** A room's id; the rooms are read once (a /sync of every room the bot is in is slow). */
  String roomId(RoomKind kind, String id) {
    if (rooms == null) {
      rooms = rooms();
    }
    return rooms.room(new RoomKey(kind, conferenceId, id)).map(ObservedRoom::roomId)
        .orElseThrow(() -> new AssertionError("no " + kind + " " + id));
  }

  /** The announcements in a room, oldest first, as "talk/phase/at" (at as an ISO instant). */
  List<String> announcements(String roomId) {
    return RecentMessages.of(reader, roomId, 500).stream()
        .filter(e -> e.content().get("io.usher.announcement") instanceof Map<?, ?>)
        .map(LiveBotFixture::marker).toList();
  }

  static String marker(RoomEvent event) {
    Map<?, ?> m = (Map<?, ?>) event.content().get("io.usher.announcement");
    return m.get("talk") + "/" + m.get("phase") + "/" + m.get("at");
  }

  List<RoomEvent> notices(String roomId) {
    return RecentMessages.of(reader, roomId, 500).stream()
        .filter(e -> "m.room.message".equals(e.type())).toList();
  }

  void assertHallway(String roomId, boolean hallway) {
    Map<String, Object> joinRules = reader.getState(roomId, "m.room.join_rules", "").orElseThrow();
    assertThat(joinRules.get("join_rule")).as("join rule of " + roomId)
        .isEqualTo(hallway ? "public" : "restricted");
    if (hallway) {
      assertThat(reader.getState(roomId, "m.room.history_visibility", "").orElseThrow())
          .containsEntry("history_visibility", "world_readable");
      assertThat(reader.getState(roomId, "m.room.guest_access", "").orElseThrow())
          .containsEntry("guest_access", "can_join");
    }
  }
}

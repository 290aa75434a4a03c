package io.usher.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.LocalSynapse;
import io.usher.SharedSchedules;
import io.usher.app.cli.Main;
import io.usher.app.config.TestConfigs;
import io.usher.matrix.CreateRoomRequest;
import io.usher.matrix.MatrixClient;
import io.usher.matrix.RoomDirectory;
import io.usher.plan.Locator;
import io.usher.plan.RoomKind;
import io.usher.plan.diff.Action;
import io.usher.schedule.Conference;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plan and apply the example schedule against the real local Synapse, checked through the API. */
class ApplyIntegrationTest {
  static LocalSynapse synapse;
  static MatrixClient bot;

  @TempDir Path dir;

  @BeforeAll
  static void homeserver() {
    synapse = LocalSynapse.get();
    bot = synapse.bot();
  }

  private Path config(String conferenceId) throws Exception {
    return TestConfigs.write(dir, synapse, conferenceId, "Europe/Brussels",
        SharedSchedules.example(), "moderators: [\"@mod:localhost\"]\n");
  }

  private static String id() {
    return "it" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static Applied reconcile(Path config) throws Exception {
    return Applied.planned(config, java.time.Instant.parse("2026-03-01T00:00:00Z"));
  }

  private static String roomOf(String alias) {
    return bot.resolveAlias(alias).orElseThrow(() -> new AssertionError("no room for " + alias));
  }

  private static Map<String, Object> state(String roomId, String type, String stateKey) {
    return bot.getState(roomId, type, stateKey)
        .orElseThrow(() -> new AssertionError(roomId + " has no " + type + "/" + stateKey));
  }

  @Test
  void applyCreatesEveryRoomWithItsStateAndASecondApplyWritesNothing() throws Exception {
    String conf = id();
    Path config = config(conf);
    StringWriter out = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
        "apply", "-c", config.toString(), "--at", "2026-03-01T00:00:00Z");
    assertThat(code).as(out.toString()).isZero();
    assertThat(out.toString()).contains("created 19 rooms")
        .contains("Conference space: #" + conf + ":localhost");

    String space = roomOf("#" + conf + ":localhost");
    String track = roomOf("#" + conf + "-real-time-communications:localhost");
    String trackSpace = roomOf("#" + conf + "-space-real-time-communications:localhost");
    String backstage = roomOf("#" + conf + "-real-time-communications-backstage:localhost");
    String talk = roomOf("#" + conf + "-talk-matrix-bots:localhost");

    assertThat(Locator.parse(state(talk, Locator.TYPE, "")).orElseThrow())
        .satisfies(key -> {
          assertThat(key.kind()).isEqualTo(RoomKind.TALK);
          assertThat(key.conferenceId()).isEqualTo(conf);
          assertThat(key.id()).isEqualTo("201");
        });
    assertThat(state(talk, "m.room.name", "")).containsEntry("name",
        "Writing Matrix bots in Java");
    assertThat((String) state(talk, "m.room.topic", "").get("topic"))
        .startsWith("Sat 14 Mar 2026, 10:00–10:30 (Europe/Brussels)");
    assertThat(state(space, "m.room.create", "")).containsEntry("type", "m.space");

    assertThat(state(track, "m.room.join_rules", "")).containsEntry("join_rule", "public");
    assertThat(state(track, "m.room.history_visibility", ""))
        .containsEntry("history_visibility", "world_readable");
    assertThat(state(track, "m.room.guest_access", "")).containsEntry("guest_access", "can_join");
    for (String privateRoom : List.of(backstage, talk)) {
      // Invite only, and open to the staff space's members.
      assertThat(state(privateRoom, "m.room.join_rules", "")).isEqualTo(Map.of(
          "join_rule", "restricted", "allow", List.of(Map.of("type", "m.room_membership",
              "room_id", roomOf("#" + conf + "-staff:localhost")))));
      assertThat(state(privateRoom, "m.room.guest_access", ""))
          .containsEntry("guest_access", "forbidden");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> users = (Map<String, Object>) state(track, "m.room.power_levels", "")
        .get("users");
    assertThat(users).containsEntry("@admin:localhost", 100).containsEntry("@mod:localhost", 50);

    assertThat(bot.getState(trackSpace, "m.space.child", track)).isPresent();
    assertThat(bot.getState(trackSpace, "m.space.child", talk)).isPresent();
    assertThat(bot.getState(space, "m.space.child", trackSpace)).isPresent();
    // One request per room: spaces list their children at creation; no m.space.parent after.
    assertThat(bot.getState(talk, "m.space.parent", trackSpace)).isEmpty();
    assertThat(out.toString()).contains("createRoom=19").doesNotContain("putState=");

    Path exported = dir.resolve("export");
    assertThat(Main.run(new PrintWriter(new StringWriter(), true),
        new PrintWriter(new StringWriter(), true), "export", "-c", config.toString(), "--out",
        exported.toString())).isZero();
    var rooms = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(exported.resolve(conf + "-rooms.json").toFile()).path("rooms");
    assertThat(rooms).hasSize(18); // the staff space is not exported
    for (var room : rooms) {
      assertThat(room.path("room_id").asText()).as(room.toString())
          .isEqualTo(roomOf(room.path("alias").asText()));
    }
    assertThat(java.nio.file.Files.readAllLines(exported.resolve(conf + "-rooms.csv")))
        .hasSize(19).first().asString()
        .isEqualTo("kind,track_id,track,talk_id,title,room_id,alias,matrix_to,widgets");

    Applied again = reconcile(config);
    assertThat(again.plan().actions()).isEmpty();
    assertThat(again.run().reconciler().roomCount()).isEqualTo(19);
    assertThat(again.run().bot().client.stats().writes()).isZero();
    assertThat(again.run().bot().client.stats().byEndpoint()).as("who the bot is, the"
        + " changes since the last reading, the rooms it is in")
        .isEqualTo(java.util.Map.of("whoami", 1L, "sync", 1L, "joinedRooms", 1L));
  }

  @Test
  void aliasTakenByAnotherRoomIsReportedAndTheRoomIsCreatedWithoutIt() throws Exception {
    String conf = id();
    synapse.admin().createRoom(new CreateRoomRequest("public_chat", null, conf + "-keynotes",
        "Squatter", null, null, null, null, null, null));
    Path config = config(conf);

    Applied first = reconcile(config);
    var result = first.run().reconciler().apply(first.plan());
    assertThat(result.failures()).isEmpty();
    assertThat(result.warnings()).singleElement().asString()
        .contains("#" + conf + "-keynotes:localhost belongs to another room");
    assertThat(result.roomsCreated()).isEqualTo(19);

    // While the squatter keeps it, each apply plans to give the room its alias and says why not.
    String alias = "#" + conf + "-keynotes:localhost";
    Applied second = reconcile(config);
    assertThat(second.plan().actions()).singleElement().isInstanceOf(Action.ClaimAlias.class);
    assertThat(second.run().reconciler().apply(second.plan()).warnings()).singleElement()
        .asString().contains("alias " + alias + " belongs to another room");
    String squatter = roomOf(alias);

    assertThat(new RoomDirectory(synapse.admin()).deleteAlias(alias)).isTrue();
    Applied third = reconcile(config);
    assertThat(third.run().reconciler().apply(third.plan()).failures()).isEmpty();
    String track = roomOf(alias);
    assertThat(track).isNotEqualTo(squatter);
    assertThat(synapse.bot().getState(track, "m.room.canonical_alias", ""))
        .contains(Map.of("alias", alias));
    assertThat(reconcile(config).plan().actions()).isEmpty();
  }
}

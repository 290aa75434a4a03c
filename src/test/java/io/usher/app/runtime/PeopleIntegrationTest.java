package io.usher.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.LocalSynapse;
import io.usher.SharedSchedules;
import io.usher.app.config.TestConfigs;
import io.usher.apply.PersonStatus;
import io.usher.apply.VerifyReport;
import io.usher.matrix.MatrixClient;
import io.usher.matrix.RoomEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Speakers, coordinators and their invites and power on the real Synapse, following edits of
 * the people file; and {@code verify} against the homeserver's membership.
 */
class PeopleIntegrationTest {
  static final String HEADER = "person,matrix_id,role,track,talk\n";
  static final String DANA = "4,@pdana:localhost,,,\n";
  static final String CORA = ",@pcora:localhost,coordinator,Real Time Communications,\n";
  static final String BRUNO = "Bruno Speaker,@pbruno:localhost,,,\n";

  static LocalSynapse synapse;
  static MatrixClient bot;
  static MatrixClient dana;
  static MatrixClient bruno;

  @TempDir Path dir;

  @BeforeAll
  static void homeserver() {
    synapse = LocalSynapse.get();
    bot = synapse.bot();
    dana = synapse.user("pdana");
    bruno = synapse.user("pbruno");
    synapse.user("pcora");
  }

  private Path config(String conf, String people) throws Exception {
    Files.writeString(dir.resolve("people.csv"), people);
    return TestConfigs.write(dir, synapse, conf, "Europe/Brussels", SharedSchedules.example(),
        "people:\n  file: people.csv\n  invites_per_second: 100\n");
  }

  private static Applied apply(Path config) throws Exception {
    return Applied.apply(config, Instant.parse("2026-03-01T00:00:00Z"));
  }

  private static String roomOf(String conf, String aliasPart) {
    return bot.resolveAlias("#" + conf + "-" + aliasPart + ":localhost").orElseThrow();
  }

  private static Map<String, String> members(String roomId) {
    Map<String, String> out = new HashMap<>();
    for (RoomEvent event : bot.members(roomId)) {
      out.put(event.stateKey().orElseThrow(), String.valueOf(event.content().get("membership")));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> power(String roomId) {
    return (Map<String, Object>) bot.getState(roomId, "m.room.power_levels", "").orElseThrow()
        .get("users");
  }

  @Test
  void speakersAndCoordinatorsAreInvitedOnceWithPowerAndFollowThePeopleFile() throws Exception {
    String conf = "pe" + UUID.randomUUID().toString().substring(0, 8);
    Applied first = apply(config(conf, HEADER + DANA + CORA));
    assertThat(first.result().failures()).isEmpty();
    String talk201 = roomOf(conf, "talk-matrix-bots");
    String backstage = roomOf(conf, "real-time-communications-backstage");
    String track = roomOf(conf, "real-time-communications");
    assertThat(members(talk201)).containsEntry("@pdana:localhost", "invite");
    assertThat(power(talk201)).containsEntry("@pdana:localhost", 50)
        .containsEntry("@admin:localhost", 100);
    assertThat(members(backstage)).containsEntry("@pdana:localhost", "invite")
        .containsEntry("@pcora:localhost", "invite");
    assertThat(power(backstage)).doesNotContainKey("@pdana:localhost")
        .containsEntry("@pcora:localhost", 50);
    assertThat(members(track)).containsEntry("@pcora:localhost", "invite");
    assertThat(power(track)).containsEntry("@pcora:localhost", 50);

    Applied second = apply(config(conf, HEADER + DANA + CORA));
    assertThat(second.plan().actions()).isEmpty();
    assertThat(second.invites()).isZero();

    Applied third = apply(config(conf, HEADER + DANA + CORA + BRUNO));
    assertThat(third.result().failures()).isEmpty();
    assertThat(third.invites()).as("Bruno's talks 102 and 203 and both backstages").isEqualTo(4);
    for (String alias : List.of("talk-federation-at-scale", "keynotes-backstage",
        "real-time-communications-backstage")) {
      assertThat(members(roomOf(conf, alias))).containsEntry("@pbruno:localhost", "invite");
    }
    assertThat(members(talk201)).doesNotContainKey("@pbruno:localhost");

    Applied fourth = apply(config(conf, HEADER + DANA + BRUNO));
    assertThat(fourth.result().failures()).isEmpty();
    assertThat(fourth.invites()).isZero();
    assertThat(power(track)).doesNotContainKey("@pcora:localhost")
        .containsEntry("@admin:localhost", 100);
    assertThat(power(backstage)).doesNotContainKey("@pcora:localhost");
    assertThat(apply(config(conf, HEADER + DANA + BRUNO)).plan().actions()).isEmpty();

    dana.join(talk201);
    bruno.join(roomOf(conf, "keynotes-backstage"));
    String talk102 = roomOf(conf, "talk-federation-at-scale");
    bruno.leave(talk102);
    VerifyReport report = verify(config(conf, HEADER + DANA + BRUNO));
    assertThat(report.entries()).isNotEmpty().allSatisfy(entry -> {
      if (entry.person().matrixId().isEmpty()) {
        assertThat(entry.status()).isEqualTo(PersonStatus.NO_CONTACT);
        return;
      }
      String membership = members(entry.roomId()).get(entry.person().matrixId().get());
      assertThat(entry.status()).as(entry.toString()).isEqualTo(switch (membership == null
          ? "none" : membership) {
        case "join" -> PersonStatus.JOINED;
        case "invite" -> PersonStatus.INVITED;
        case "leave" -> PersonStatus.LEFT;
        default -> PersonStatus.NOT_INVITED;
      });
    });
    assertThat(report.count(PersonStatus.JOINED)).isEqualTo(2);
    assertThat(report.count(PersonStatus.LEFT)).isEqualTo(1);
    String text = report.render();
    assertThat(text).containsPattern("talk:201 .*\\n(.*\\n)*? +joined +Dana Developer"
        + " \\(@pdana:localhost\\) +speaker")
        .contains("left            Bruno Speaker (@pbruno:localhost)  speaker")
        .contains("missing: Bruno Speaker (left)");
  }

  @Test
  void aFailedInviteNamesThePersonTheRoomAndTheHomeserversErrorAndIsRetried() throws Exception {
    String conf = "pf" + UUID.randomUUID().toString().substring(0, 8);
    Path config = config(conf, HEADER + "Eve Host,@peve:elsewhere.invalid,,,\n");
    Applied first = apply(config);
    assertThat(first.result().failures()).hasSize(2).allSatisfy(line -> assertThat(line)
        .contains("inviting Eve Host (@peve:elsewhere.invalid) failed: HTTP 403 M_FORBIDDEN")
        .containsPattern("(talk:203|backstage:real-time-communications) \\(!"));
    assertThat(first.result().failures().get(0)).as("the homeserver's own words")
        .containsIgnoringCase("federation");
    Applied second = apply(config);
    assertThat(second.invites()).isEqualTo(2);
  }

  @Test
  void theRunningBotPicksUpAnEditedPeopleFileOnRefresh() throws Exception {
    Files.writeString(dir.resolve("people.csv"), HEADER + DANA);
    LiveBotFixture fixture = new LiveBotFixture(dir, SharedSchedules.example(),
        "people:\n  file: people.csv\n  invites_per_second: 100\n");
    try (LiveBot running = fixture.start(java.time.Clock.fixed(
        Instant.parse("2026-03-01T00:00:00Z"), java.time.ZoneOffset.UTC))) {
      String talk102 = fixture.roomId(io.usher.plan.RoomKind.TALK, "102");
      assertThat(members(talk102)).doesNotContainKey("@pbruno:localhost");
      assertThat(running.refresh(false)).isEqualTo("schedule unchanged");

      Files.writeString(dir.resolve("people.csv"), HEADER + DANA + BRUNO);
      assertThat(running.refresh(false)).contains("4 rooms to update").contains("0 failed");
      assertThat(members(talk102)).containsEntry("@pbruno:localhost", "invite");
      assertThat(running.verify(java.util.Optional.of("keynotes")))
          .contains("invited         Bruno Speaker (@pbruno:localhost)  speaker");
    }
  }

  private VerifyReport verify(Path config) throws Exception {
    CommandRun run = Applied.planned(config, Instant.parse("2026-03-01T00:00:00Z")).run();
    return run.bot().verifier().verify(run.desired(), BotSession.seats(run.bot().policy,
        run.inputs().conference(), run.desired()), run.reconciler().observe().rooms(),
        java.util.Optional.empty());
  }
}

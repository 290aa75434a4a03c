package io.usher.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.usher.LocalSynapse;
import io.usher.TestSchedule;
import io.usher.TestSchedule.TestTalk;
import io.usher.app.config.TestConfigs;
import io.usher.apply.Homeserver;
import io.usher.apply.ObservedStateReader;
import io.usher.matrix.MatrixClient;
import io.usher.matrix.RetryPolicy;
import io.usher.plan.diff.ObservedRoom;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code usher doctor} on two real Synapses: a stock one ({@code USHER_SYNAPSE_STOCK=1
 * scripts/synapse}, on a port and folder of its own, started and stopped here), where it finds
 * room directory publication and guest access missing, and the project's own (scripts/synapse's
 * default config), where all is well. Each conference is built first (one talk: six rooms), as
 * publication can only be told from rooms that asked to be listed; and on each, doctor changes
 * none of the bot's rooms, their state or the public room list.
 */
class DoctorIntegrationTest {
  private static final String STOCK_PORT = "8058";
  private static final Path STOCK_DATA = Path.of(".usher/synapse-stock").toAbsolutePath();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @BeforeAll
  static void startStockSynapse() throws Exception {
    stockScript("start");
  }

  @AfterAll
  static void stopStockSynapse() throws Exception {
    stockScript("stop");
  }

  @Test
  void onAStockSynapseListsPublicationAndGuestsMissing() throws Exception {
    Map<String, String> tokens = tokens(STOCK_DATA.resolve("tokens.env"));
    Server stock = new Server(tokens.get("HOMESERVER_URL"), tokens.get("BOT_TOKEN"),
        STOCK_DATA.resolve("bot.token"));
    Path config = config(stock);

    CliRun before = CliRun.of("doctor", "-c", config.toString());
    assertThat(before.exit()).as(before.all()).isEqualTo(1);
    assertThat(before.out()).contains("cannot tell  room directory: nothing is built yet")
        .contains("missing      guest access");

    assertThat(CliRun.of("apply", "-c", config.toString()).exit()).isZero();
    CliRun after = assertChangesNothing(stock, config, 1);
    assertThat(after.out())
        .contains("missing      room directory: 2 of the 2 rooms Usher lists are not in the"
            + " public room list")
        .contains("missing      guest access: guests are refused (403)")
        .contains("ok           rate limits")
        .contains("ok           room version")
        .contains("2 settings missing");
    assertThat(occurrences(after.out(), "room_list_publication_rules:\n")).isOne();
    assertThat(occurrences(after.out(), "  - action: allow\n")).isOne();
    assertThat(occurrences(after.out(), "allow_guest_access: true\n")).isOne();
    assertThat(after.all()).doesNotContain(stock.token());
  }

  @Test
  void onTheProjectsSynapseAllIsWell() throws Exception {
    LocalSynapse local = LocalSynapse.get();
    Server server = new Server(local.url, local.botToken, local.botTokenFile);
    Path config = config(server);
    assertThat(CliRun.of("apply", "-c", config.toString()).exit()).isZero();

    CliRun doctor = assertChangesNothing(server, config, 0);
    assertThat(doctor.out()).contains("ok           room directory: the 2 rooms Usher lists")
        .contains("ok           guest access").contains("ok           rate limits")
        .contains("ok           room version")
        .contains("All is well: the homeserver is set as Usher needs.")
        .doesNotContain("missing").doesNotContain("cannot tell");
    assertThat(doctor.all()).doesNotContain(local.botToken);
  }

  /** Runs doctor, asserts its exit code and that the bot's rooms and room list are unchanged. */
  private static CliRun assertChangesNothing(Server server, Path config, int exit) throws Exception {
    Map<String, Object> before = server.snapshot(conferenceId(config));
    CliRun doctor = CliRun.of("doctor", "-c", config.toString());
    assertThat(doctor.exit()).as(doctor.all()).isEqualTo(exit);
    assertThat(server.snapshot(conferenceId(config))).isEqualTo(before);
    return doctor;
  }

  /** A one-talk conference of its own on {@code server}, the talk tomorrow. */
  private Path config(Server server) throws IOException {
    Instant tomorrow = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
    Path schedule = new TestSchedule().add(new TestTalk("1", "Doctor's orders", "Main",
        "Janson", tomorrow, Duration.ofMinutes(30), List.of("Ada")))
        .write(dir.resolve("schedule.xml"));
    return TestConfigs.write(dir, server.url(), server.tokenFile(), "dr"
        + UUID.randomUUID().toString().substring(0, 8), "UTC", schedule, "");
  }

  private static String conferenceId(Path config) throws IOException {
    return Files.readString(config).replaceAll("(?s).*\\n  id: (\\S+)\\n.*", "$1");
  }

  private static int occurrences(String text, String part) {
    return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
  }

  private static void stockScript(String command) throws Exception {
    ProcessBuilder script = new ProcessBuilder("scripts/synapse", command).inheritIO();
    script.environment().putAll(Map.of("USHER_SYNAPSE_STOCK", "1", "USHER_SYNAPSE_PORT",
        STOCK_PORT, "USHER_SYNAPSE_DATA", STOCK_DATA.toString(), "USHER_SYNAPSE_WORKERS", "0"));
    if (script.start().waitFor() != 0) {
      throw new IllegalStateException("stock scripts/synapse " + command + " failed");
    }
  }

  private static Map<String, String> tokens(Path file) throws IOException {
    Map<String, String> env = new TreeMap<>();
    for (String line : Files.readAllLines(file)) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        env.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return env;
  }

  /** A homeserver and its bot, read over plain HTTP so the reads are the test's own. */
  private record Server(String url, String token, Path tokenFile) {
    /** The bot's joined rooms, the public room list, and each of the conference's rooms' state. */
    Map<String, Object> snapshot(String conferenceId) throws Exception {
      MatrixClient bot = MatrixClient.create(url, token, RetryPolicy.defaults(), (e, w) -> { });
      Map<String, Object> seen = new TreeMap<>();
      seen.put("joined", set(get("/_matrix/client/v3/joined_rooms").path("joined_rooms")));
      seen.put("public", set(get("/_matrix/client/v3/publicRooms?limit=500").path("chunk")));
      for (ObservedRoom room : new ObservedStateReader(Homeserver.of(bot)).read(conferenceId)
          .rooms()) {
        seen.put(room.roomId(), set(get("/_matrix/client/v3/rooms/" + room.roomId()
            .replace("!", "%21") + "/state")));
      }
      assertThat(seen).hasSizeGreaterThan(2 + 5);
      return seen;
    }

    @Override
    public String toString() {
      return url; // not the token
    }

    private JsonNode get(String path) throws Exception {
      HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create(url + path)).header("Authorization", "Bearer " + token).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
      return JSON.readTree(response.body());
    }

    /** The items of an array; events without their {@code age}, which grows between reads. */
    private static Set<JsonNode> set(JsonNode array) {
      Set<JsonNode> items = new HashSet<>();
      array.forEach(item -> items.add(item.isObject()
          ? ((ObjectNode) item.deepCopy()).without(List.of("age", "unsigned")) : item));
      return items;
    }
  }
}

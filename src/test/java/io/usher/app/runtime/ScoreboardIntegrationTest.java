package io.usher.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.usher.LocalSynapse;
import io.usher.TestSchedule;
import io.usher.TestSchedule.TestTalk;
import io.usher.app.config.ConfigLoader;
import io.usher.app.config.TestConfigs;
import io.usher.matrix.MatrixClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scoreboard's one {@code /sync} on the real Synapse: a question asked after the web server
 * started reaches its JSON, and a display name set after joining replaces the name the question
 * was asked under.
 */
class ScoreboardIntegrationTest {
  @TempDir Path dir;
  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();

  @Test
  void aNameSetAfterJoiningAndAskingIsTheOneShown() throws Exception {
    LocalSynapse synapse = LocalSynapse.get();
    String conf = "sn" + UUID.randomUUID().toString().substring(0, 8);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    Path schedule = new TestSchedule().add(new TestTalk("911", "Names", "Renames", "K.1.106",
        now.minus(Duration.ofMinutes(10)), Duration.ofMinutes(30), List.of("Speaker")))
        .write(dir.resolve("schedule.xml"));
    Path config = TestConfigs.write(dir, synapse, conf, "UTC", schedule, "");
    assertThat(Applied.apply(config, Instant.now()).result().failures()).isEmpty();
    String track = synapse.bot().resolveAlias("#" + conf + "-renames:localhost").orElseThrow();
    String localpart = "sn-" + UUID.randomUUID().toString().substring(0, 8);
    MatrixClient ann = synapse.user(localpart);
    ann.join(track);

    try (WebProcess web = new WebProcess(new ConfigLoader().load(config), Clock.systemUTC(),
        "127.0.0.1", 0).start()) {
      String url = "http://127.0.0.1:" + web.port() + "/api/tracks/renames/questions";
      assertThat(get(url).path("status").asText()).isEqualTo("ok");
      ann.sendMessage(track, "q" + UUID.randomUUID(), Map.of("msgtype", "m.text",
          "body", "Will it rename?"));
      await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100))
          .until(() -> get(url).path("questions").size() == 1);
      assertThat(sender(url)).isNotEqualTo("Ann Renamed");

      synapse.put("/_matrix/client/v3/profile/%40" + localpart + "%3Alocalhost/displayname",
          synapse.token(localpart, false), "{\"displayname\":\"Ann Renamed\"}");
      await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
          .until(() -> sender(url).equals("Ann Renamed"));
      assertThat(web.homeserverRequests()).as("the room's history fit in the first sync")
          .doesNotContainKey("messages").containsKey("sync");
    }
  }

  private String sender(String url) throws Exception {
    return get(url).path("questions").path(0).path("sender").asText();
  }

  private JsonNode get(String url) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString());
    return json.readTree(response.body());
  }
}

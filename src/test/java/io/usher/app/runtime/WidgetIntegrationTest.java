package io.usher.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.usher.Browser;
import io.usher.LocalSynapse;
import io.usher.SharedSchedules;
import io.usher.TestSchedule;
import io.usher.TestSchedule.TestTalk;
import io.usher.app.config.ConfigLoader;
import io.usher.app.config.Settings;
import io.usher.app.config.TestConfigs;
import io.usher.matrix.MatrixClient;
import io.usher.plan.StateTypes;
import io.usher.plan.diff.Action;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Widgets on the real Synapse: their state events and layout in track and talk rooms, updates
 * in place, nothing written on re-apply; and the questions scoreboard reading real messages and
 * reactions, in Chromium.
 */
class WidgetIntegrationTest {
  static final String WIDGETS = """
      web:
        listen: 127.0.0.1:0
        public_url: https://usher.example.org
      widgets:
        stream: %s
        jitsi_domain: meet.example.org
        scratchpad: https://pad.example.org/p/{conference}-{talk}
      """;
  static final String STREAM = "https://stream.example.org/hls/{slug}.m3u8";

  /**
   * Settings for a web server alone (the example schedule, {@link #WIDGETS}), whose homeserver
   * does not answer: the pages need none.
   */
  static Settings webOnly(Path dir, String conf) throws Exception {
    Path config = TestConfigs.write(dir, LocalSynapse.get(), conf, "Europe/Brussels",
        SharedSchedules.example(), WIDGETS.formatted(STREAM));
    Files.writeString(config, Files.readString(config).replaceAll("url: http://127.0.0.1:\\d+",
        "url: http://127.0.0.1:9"));
    return new ConfigLoader().load(config);
  }

  static LocalSynapse synapse;
  static MatrixClient bot;

  @TempDir Path dir;

  @BeforeAll
  static void homeserver() {
    synapse = LocalSynapse.get();
    bot = synapse.bot();
  }

  private Path config(String conf, Path schedule, String stream, String zone) throws Exception {
    return TestConfigs.write(dir, synapse, conf, zone, schedule, WIDGETS.formatted(stream));
  }

  private static Applied apply(Path config, Instant at) throws Exception {
    return Applied.apply(config, at);
  }

  private static String roomOf(String conf, String aliasPart) {
    return bot.resolveAlias("#" + conf + "-" + aliasPart + ":localhost").orElseThrow();
  }

  private static Map<String, Object> widget(String roomId, String id) {
    return bot.getState(roomId, StateTypes.WIDGET, id).orElseThrow();
  }

  @Test
  void trackAndTalkRoomsGetTheirWidgetsAndLayoutAndAReapplyWritesNothing() throws Exception {
    String conf = "wi" + UUID.randomUUID().toString().substring(0, 8);
    Instant at = Instant.parse("2026-03-01T00:00:00Z");
    Path config = config(conf, SharedSchedules.example(), STREAM, "Europe/Brussels");
    assertThat(apply(config, at).result().failures()).isEmpty();

    String track = roomOf(conf, "real-time-communications");
    Map<String, Object> livestream = widget(track, "usher-livestream");
    assertThat(livestream).containsEntry("type", "m.custom")
        .containsEntry("creatorUserId", "@bot:localhost").containsEntry("name", "Livestream");
    assertThat((String) livestream.get("url")).startsWith("https://usher.example.org/widgets/"
        + "livestream.html?track=real-time-communications&stream=https%3A%2F%2Fstream");
    assertThat(widget(track, "usher-schedule")).containsEntry("id", "usher-schedule");
    assertThat(bot.getState(track, StateTypes.WIDGET_LAYOUT, "").orElseThrow().get("widgets"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsOnlyKeys("usher-livestream", "usher-schedule");
    String talk = roomOf(conf, "talk-matrix-bots");
    for (String id : List.of("usher-video", "usher-countdown", "usher-questions",
        "usher-scratchpad")) {
      assertThat(widget(talk, id)).containsEntry("id", id);
    }
    assertThat((String) widget(talk, "usher-video").get("url"))
        .endsWith("&video=https%3A%2F%2Fmeet.example.org%2F" + conf + "-201");
    assertThat(widget(roomOf(conf, "real-time-communications-backstage"), "usher-questions"))
        .containsEntry("name", "Questions");

    Applied again = apply(config, at);
    assertThat(again.plan().actions()).isEmpty();
    assertThat(again.run().bot().client.stats().writes()).isZero();

    Applied moved = apply(config(conf, SharedSchedules.example(),
        "https://cdn.example.org/{track}/index.m3u8", "Europe/Brussels"), at);
    assertThat(moved.result().failures()).isEmpty();
    assertThat(moved.plan().actions()).allSatisfy(action ->
        assertThat(((Action.PutState) action).stateKey()).isIn("usher-livestream", "usher-video"));
    assertThat((String) widget(track, "usher-livestream").get("url"))
        .contains("cdn.example.org%2Freal-time-communications%2Findex.m3u8");
    assertThat(bot.roomState(track).stream().filter(e -> e.type().equals(StateTypes.WIDGET))
        .map(e -> e.stateKey().orElseThrow()))
        .as("updated in place, no second widget").containsExactlyInAnyOrder(
            "usher-livestream", "usher-schedule");
    assertThat(apply(config(conf, SharedSchedules.example(),
        "https://cdn.example.org/{track}/index.m3u8", "Europe/Brussels"), at)
        .plan().actions()).isEmpty();
  }

  private static String say(MatrixClient user, String room, String body) {
    return user.sendMessage(room, "q" + UUID.randomUUID(), Map.of("msgtype", "m.text",
        "body", body));
  }

  private static void thumbsUp(MatrixClient user, String room, String eventId) {
    user.sendEvent(room, "m.reaction", "r" + UUID.randomUUID(), Map.of("m.relates_to",
        Map.of("rel_type", "m.annotation", "event_id", eventId, "key", "👍")));
  }

  @Test
  void theScoreboardRanksRealMessagesByThumbsUpAndFollowsNewReactions() throws Exception {
    String conf = "wq" + UUID.randomUUID().toString().substring(0, 8);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    Path schedule = new TestSchedule().add(new TestTalk("901", "Questions welcome",
        "Scoreboard", "K.1.105", now.minus(Duration.ofMinutes(10)), Duration.ofMinutes(30),
        List.of("Speaker"))).write(dir.resolve("schedule.xml"));
    Path config = config(conf, schedule, STREAM, "UTC");
    assertThat(apply(config, Instant.now()).result().failures()).isEmpty();
    String track = roomOf(conf, "scoreboard");
    MatrixClient ann = synapse.user("wq-ann");
    MatrixClient bob = synapse.user("wq-bob");
    MatrixClient cat = synapse.user("wq-cat");
    for (MatrixClient user : List.of(ann, bob, cat)) {
      user.join(track);
    }
    String license = say(ann, track, "Which license is it under?");
    String scale = say(bob, track, "How does it scale?");
    String slides = say(cat, track, "Where are the slides?");
    thumbsUp(ann, track, scale);
    thumbsUp(cat, track, scale);
    thumbsUp(ann, track, slides);

    Settings settings = new ConfigLoader().load(config);
    String widgetUrl = (String) widget(roomOf(conf, "talk-questions-welcome"), "usher-questions")
        .get("url");
    try (WebProcess web = new WebProcess(settings, Clock.systemUTC(), "127.0.0.1", 0).start();
        Browser browser = Browser.start()) {
      browser.driver().get(widgetUrl.replace("https://usher.example.org",
          "http://127.0.0.1:" + web.port()));
      await().atMost(Duration.ofSeconds(15)).until(() -> bodies(browser).size() == 3);
      assertThat(bodies(browser)).containsExactly("How does it scale?",
          "Where are the slides?", "Which license is it under?");
      assertThat(browser.texts("li.question .votes")).containsExactly("👍 2", "👍 1", "👍 0");
      browser.screenshot("questions-synapse");

      thumbsUp(bob, track, license);
      thumbsUp(cat, track, license);
      Instant reacted = Instant.now();
      await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
          .until(() -> bodies(browser).get(0).equals("Which license is it under?"));
      System.out.println("scoreboard followed two reactions in "
          + Duration.between(reacted, Instant.now()).toMillis() + " ms");
    }
  }

  private static List<String> bodies(Browser browser) {
    return browser.texts("li.question .body");
  }

  @Test
  void theWebServerStartsAndServesWidgetsWhileTheHomeserverIsDown() throws Exception {
    Path config = config("wdown", SharedSchedules.example(), STREAM, "Europe/Brussels");
    Files.writeString(config, Files.readString(config).replace(synapse.url,
        "http://127.0.0.1:9"));
    Settings settings = new ConfigLoader().load(config);
    try (WebProcess web = new WebProcess(settings, Clock.systemUTC(), "127.0.0.1", 0).start()) {
      HttpClient http = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + web.port();
      HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base
          + "/health")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"role\":\"web\"");
      HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base
          + "/widgets/schedule.html")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      HttpResponse<String> questions = http.send(HttpRequest.newBuilder(URI.create(base
          + "/api/tracks/keynotes/questions")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(questions.body()).contains("\"status\":\"unavailable\"")
          .contains("did not answer").doesNotContain(synapse.botToken);
    }
  }
}

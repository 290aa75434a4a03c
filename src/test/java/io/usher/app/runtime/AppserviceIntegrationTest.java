package io.usher.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.LocalSynapse;
import io.usher.SharedSchedules;
import io.usher.app.cli.Main;
import io.usher.app.config.ConfigLoader;
import io.usher.app.config.Settings;
import io.usher.app.config.TestConfigs;
import io.usher.matrix.MatrixClient;
import io.usher.matrix.RetryPolicy;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Usher as an application service on the real Synapse: a registration written by
 * {@code usher appservice-registration}, loaded by Synapse, and a small conference built with
 * its {@code as_token}, unlimited by rate limits.
 */
class AppserviceIntegrationTest {
  @TempDir Path dir;

  private static int run(StringWriter out, String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), args);
  }

  @Test
  void aGeneratedRegistrationBuildsAConferenceAsTheApplicationService() throws Exception {
    LocalSynapse synapse = LocalSynapse.get();
    String conf = "as" + UUID.randomUUID().toString().substring(0, 8);
    Path config = TestConfigs.write(dir, synapse, conf, "Europe/Brussels",
        SharedSchedules.example(), "");
    Path registration = dir.resolve("registration.yaml");
    StringWriter generated = new StringWriter();
    assertThat(run(generated, "appservice-registration", "-c", config.toString(), "--out",
        registration.toString(), "--sender", "usher-as")).isZero();
    String yaml = Files.readString(registration);
    assertThat(yaml).contains("id: usher-" + conf, "sender_localpart: usher-as-appservice",
        "x_usher_bot: usher-as",
        "rate_limited: false", "regex: \"#" + conf + ".*\"");
    assertThat(generated.toString()).doesNotContain(
        yaml.replaceAll("(?s).*as_token: (\\w+).*", "$1"));

    Path installed = LocalSynapse.installAppservice(registration);
    Files.writeString(config, Files.readString(config).replaceAll("access_token_file: .*",
        "appservice_registration: " + installed));
    StringWriter out = new StringWriter();
    assertThat(run(out, "apply", "-c", config.toString(), "--at", "2026-03-01T00:00:00Z"))
        .as(out.toString()).isZero();
    assertThat(out.toString()).contains("created 19 rooms")
        .contains("rate limits: @usher-as:localhost is exempt (application service,"
            + " rate_limited: false)");

    String asToken = yaml.replaceAll("(?s).*as_token: (\\w+).*", "$1");
    // The bot acts as its user in the service's namespace (identity assertion with user_id).
    MatrixClient service = MatrixClient.create(synapse.url + "?user_id=%40usher-as%3Alocalhost",
        asToken, RetryPolicy.defaults(), (e, w) -> { });
    assertThat(service.whoami().userId()).isEqualTo("@usher-as:localhost");
    String space = service.resolveAlias("#" + conf + ":localhost").orElseThrow();
    assertThat(service.roomState(space)).filteredOn(e -> e.type().equals("m.room.create"))
        .singleElement().satisfies(e -> assertThat(e.sender()).isEqualTo("@usher-as:localhost"));

    StringWriter again = new StringWriter();
    assertThat(run(again, "apply", "-c", config.toString(), "--at", "2026-03-01T00:00:00Z"))
        .isZero();
    assertThat(again.toString()).contains("Nothing created or changed.");
    botAnnouncementsAreNoQuestions(config, synapse, asToken, conf);
  }

  /**
   * The web server knows the bot is its user in the namespace, not the registration's sender,
   * so the bot's own messages in a track room stay off the scoreboard.
   */
  private static void botAnnouncementsAreNoQuestions(Path config, LocalSynapse synapse,
      String asToken, String conf) throws Exception {
    Instant during = Instant.parse("2026-03-14T08:40:00Z"); // the first keynote, 09:30-09:55 Brussels
    // An application service may date what it sends (the spec's timestamp massaging).
    MatrixClient backdated = MatrixClient.create(synapse.url + "?user_id=%40usher-as%3Alocalhost"
        + "&ts=" + during.toEpochMilli(), asToken, RetryPolicy.defaults(), (e, w) -> { });
    String keynotes = backdated.resolveAlias("#" + conf + "-keynotes:localhost").orElseThrow();
    backdated.sendNotice(keynotes, "t" + UUID.randomUUID(), "Live now: the keynote", "Live now");
    backdated.sendMessage(keynotes, "m" + UUID.randomUUID(), Map.of("msgtype", "m.text",
        "body", "Welcome, ask your questions here"));
    Settings settings = new ConfigLoader().load(config);
    try (WebProcess web = new WebProcess(settings,
        Clock.fixed(during.plusSeconds(600), ZoneOffset.UTC), "127.0.0.1", 0).start()) {
      HttpResponse<String> questions = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + web.port() + "/api/tracks/keynotes/questions"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(questions.body()).as("read as the bot").contains("\"status\":\"ok\"")
          .contains("\"questions\":[]").doesNotContain("Welcome, ask");
    }
  }
}

package io.usher.app.cli;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.usher.app.config.ConfigException;
import io.usher.app.config.ConfigLoader;
import io.usher.app.config.Settings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad schedules and configs are rejected with file, line or field, before any request. */
class BadInputTest {
  @TempDir Path dir;
  WireMockServer homeserver;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @BeforeEach
  void start() {
    homeserver = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    homeserver.start();
  }

  @AfterEach
  void stop() {
    homeserver.stop();
  }

  private Path config(String schedule, String extra) throws Exception {
    Files.writeString(dir.resolve("token"), "syt_secret\n");
    Path config = dir.resolve("usher.yaml");
    Files.writeString(config, """
        homeserver:
          url: %s
          access_token_file: token
        conference:
          id: conf
          time_zone: Europe/Brussels
          schedule: %s
        %s""".formatted(homeserver.baseUrl(), schedule, extra));
    return config;
  }

  private int run(String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void truncatedScheduleIsRejectedBeforeAnyRequest() throws Exception {
    Files.writeString(dir.resolve("cut.xml"), "<schedule>\n  <conference>\n    <title>X</tit");
    int code = run("apply", "-c", config("cut.xml", "").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains(dir.resolve("cut.xml") + ":3: malformed XML");
    assertThat(homeserver.getAllServeEvents()).isEmpty();
  }

  @Test
  void missingStartIsRejectedBeforeAnyRequest() throws Exception {
    Files.writeString(dir.resolve("nostart.xml"), """
        <schedule>
          <conference><title>X</title></conference>
          <day index="1" date="2026-01-01">
            <room name="R">
              <event id="7"><duration>00:30</duration><room>R</room><title>T</title></event>
            </room>
          </day>
        </schedule>
        """);
    int code = run("plan", "-c", config("nostart.xml", "").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains(dir.resolve("nostart.xml") + ":5: event 7: missing <start> (expected HH:MM)");
    assertThat(homeserver.getAllServeEvents()).isEmpty();
  }

  @Test
  void configProblemsAreAllNamedByField() throws Exception {
    Path config = config("missing.xml", """
        organisers: ["admin"]
        apply:
          parallelism: 0
        web:
          listen: localhost
          public_url: usher.example.org
        widgets:
          stream: https://stream.example.org/{stream}.m3u8
          jitsi_domain: "meet jit si"
        """);
    Files.writeString(config, Files.readString(config)
        .replace("Europe/Brussels", "Europe/Bruxelles").replace("id: conf", "id: Conf 2026"));
    assertThatThrownBy(() -> new ConfigLoader().load(config))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("conference.id: 'Conf 2026' must be")
        .hasMessageContaining("conference.time_zone: 'Europe/Bruxelles' is not a known time zone")
        .hasMessageContaining("conference.schedule: no readable file at")
        .hasMessageContaining("organisers[0]: 'admin' is not a Matrix user id")
        .hasMessageContaining("apply.parallelism: 0 is out of range")
        .hasMessageContaining("web.listen: 'localhost' is not address:port")
        .hasMessageContaining("web.public_url: 'usher.example.org' is not an http(s) URL")
        .hasMessageContaining("widgets.stream: unknown placeholder [{stream}] (expected [{track},")
        .hasMessageContaining("widgets.jitsi_domain: 'meet jit si' is not a host name");
  }

  @Test
  void unknownConfigFieldNamesLineAndExpectedFields() throws Exception {
    Path config = config("x.xml", "conference_name: typo\n");
    assertThatThrownBy(() -> new ConfigLoader().load(config))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("line 8: unknown field 'conference_name' (expected one of");
  }

  @Test
  void accessTokenNeverAppearsInSettingsOrErrors() throws Exception {
    Path config = config(io.usher.SharedSchedules.example().toString(), "");
    Settings settings = new ConfigLoader().load(config);
    assertThat(settings.toString()).doesNotContain("syt_secret");
    int code = run("plan", "-c", config.toString());
    assertThat(code).isEqualTo(1);
    assertThat(out.toString() + err.toString()).doesNotContain("syt_secret")
        .contains("cannot use the homeserver");
  }
}

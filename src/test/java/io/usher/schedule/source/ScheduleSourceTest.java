package io.usher.schedule.source;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.usher.SharedSchedules;
import io.usher.schedule.Conference;
import io.usher.schedule.ScheduleException;
import io.usher.schedule.ScheduleParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A schedule served over HTTP: conditional GET, request headers, the last good copy. */
class ScheduleSourceTest {
  static final String PATH = "/conference/schedule/export/schedule.json";
  @TempDir Path cache;
  WireMockServer server;
  final List<String> warnings = new ArrayList<>();
  /** Schedules parsed, counted on the way to the real parser: a 304 must add none. */
  final AtomicInteger parses = new AtomicInteger();
  byte[] schedule;

  @BeforeEach
  void start() throws Exception {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    schedule = Files.readAllBytes(SharedSchedules.path("ccc-camp-2019_frab_schedule.json"));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  ScheduleSource source() {
    ScheduleFormats formats = new ScheduleFormats(Optional.of(ZoneId.of("Europe/Berlin")));
    ScheduleParser counting = (in, source) -> {
      parses.incrementAndGet();
      return formats.parse(in, source);
    };
    return new ScheduleSource(new OkHttpClient(), counting,
        Map.of("Authorization", "Token pretalx-secret"), Optional.of(cache), warnings::add);
  }

  String url() {
    return server.baseUrl() + PATH;
  }

  void serve() {
    server.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withHeader("ETag", "\"v1\"")
        .withHeader("Last-Modified", "Sat, 21 Nov 2026 10:00:00 GMT").withBody(schedule)));
    server.stubFor(get(urlEqualTo(PATH)).withHeader("If-None-Match", equalTo("\"v1\""))
        .willReturn(aResponse().withStatus(304)));
  }

  @Test
  void anUnchangedScheduleCostsA304AndNoParse() throws Exception {
    serve();
    ScheduleSource source = source();
    Conference first = source.load(url());
    assertThat(first.talks()).hasSize(79);
    assertThat(parses).hasValue(1);
    Conference again = source.load(url());
    assertThat(again).isSameAs(first);
    assertThat(parses).hasValue(1);
    server.verify(getRequestedFor(urlEqualTo(PATH)).withHeader("If-None-Match", equalTo("\"v1\""))
        .withHeader("If-Modified-Since", equalTo("Sat, 21 Nov 2026 10:00:00 GMT"))
        .withHeader("Authorization", equalTo("Token pretalx-secret")));
    assertThat(warnings).isEmpty();
  }

  @Test
  void aFailingUrlFallsBackToTheLastGoodCopyWithAWarning() throws Exception {
    serve();
    ScheduleSource source = source();
    Conference good = source.load(url());
    server.resetAll();
    server.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
    assertThat(source.load(url())).isSameAs(good);
    assertThat(parses).as("the copy in memory is already parsed").hasValue(1);
    assertThat(warnings).singleElement().asString()
        .contains("fetching the schedule failed: HTTP 503; using the copy fetched at")
        .doesNotContain("pretalx-secret");

    // A restarted bot finds the copy on disk, even with the server gone.
    String url = url();
    server.stop();
    ScheduleSource restarted = source();
    assertThat(restarted.load(url).talks()).hasSize(79);
    assertThat(parses).as("the copy on disk is parsed once").hasValue(2);
    assertThat(warnings).hasSize(2);
    assertThat(warnings.get(1)).contains(cache.toString());
  }

  @Test
  void aBrokenScheduleNeverReplacesTheGoodCopy() throws Exception {
    serve();
    source().load(url());
    server.resetAll();
    server.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withHeader("ETag", "\"v2\"")
        .withBody("{\"schedule\": {\"conference\": {\"days\": [{\"date\": \"2019-08-21\","
            + " \"rooms\": {\"Main\": [{\"id\": 1, \"title\": \"x\"}]}}]}}}")));
    ScheduleSource source = source();
    assertThatThrownBy(() -> source.load(url())).isInstanceOf(ScheduleException.class)
        .hasMessageContaining("event 1: missing <start>");
    server.resetAll();
    server.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(500)));
    assertThat(source.load(url()).talks()).hasSize(79);
  }

  @Test
  void aFailingUrlWithoutAnyCopyIsAnError() {
    server.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(404)));
    assertThatThrownBy(() -> source().load(url())).isInstanceOf(ScheduleException.class)
        .hasMessageContaining("fetching the schedule failed: HTTP 404 (and there is no earlier"
            + " copy)");
  }
}

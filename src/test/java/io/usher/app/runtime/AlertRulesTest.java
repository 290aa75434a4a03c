package io.usher.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.usher.app.config.Settings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/prometheus/usher-alerts.yml names only metrics Usher's /metrics serves (a typo would
 * make an alert that never fires), and each rule has a name, an expression and a summary.
 */
class AlertRulesTest {
  private static final Path RULES = Path.of("deploy", "prometheus", "usher-alerts.yml");
  private static final Pattern METRIC = Pattern.compile("\\busher_[a-z_]+");

  @TempDir Path dir;

  @Test
  void everyAlertReadsAMetricUsherServes() throws Exception {
    JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(RULES.toFile())
        .at("/groups/0/rules");
    List<String> named = new ArrayList<>();
    for (JsonNode rule : rules) {
      assertThat(rule.path("alert").asText()).as(rule.toString()).isNotBlank();
      assertThat(rule.at("/annotations/summary").asText()).as(rule.toString()).isNotBlank();
      Matcher metric = METRIC.matcher(rule.path("expr").asText());
      while (metric.find()) {
        named.add(metric.group());
      }
    }
    assertThat(named).contains("usher_bot_leading", "usher_phases_handled_total",
        "usher_phase_lateness_seconds_max", "usher_questions_unavailable_total");
    String served = scrape();
    assertThat(named).allSatisfy(name -> assertThat(served).as(name).contains(name));
  }

  /** /metrics of a real web server with the bot's phase meters, as usher run serves it. */
  private String scrape() throws Exception {
    Settings settings = WidgetIntegrationTest.webOnly(dir, "alerts");
    PhaseMetrics phases = new PhaseMetrics();
    try (WebProcess web = new WebProcess(settings, Clock.systemUTC(),
        Schedules.source(settings), () -> "leader", phases).start()) {
      phases.accept(new io.usher.scheduler.PhaseOutcome(new io.usher.lifecycle.PhaseEvent(
          new io.usher.schedule.TalkId("1"), io.usher.lifecycle.Phase.START,
          java.time.Instant.EPOCH, "main"), java.time.Instant.EPOCH, java.time.Instant.EPOCH,
          "sent"));
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
          "http://127.0.0.1:" + web.port() + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
    }
  }
}

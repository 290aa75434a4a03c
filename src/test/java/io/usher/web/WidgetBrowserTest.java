package io.usher.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.usher.Browser;
import io.usher.TestSchedule;
import io.usher.TestSchedule.TestTalk;
import io.usher.plan.DesiredState;
import io.usher.plan.TrackGrouping;
import io.usher.schedule.Conference;
import io.usher.schedule.frab.PentabarfFiles;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

/**
 * Each widget page in headless Chromium, served by the real web server, checked for what a
 * person sees. The server's clock is set to the conference day while the browser's is today's:
 * months apart, so every time shown proves the pages count by the server's clock.
 */
class WidgetBrowserTest {
  /** The server's "now": the middle of the conference day. */
  static final Instant NOW = Instant.parse("2026-03-14T12:00:00Z");
  static final String XSS = "<img src=x onerror=alert(1)>";

  static WebServer server;
  static Browser browser;
  static WireMockServer media;
  static Clock clock;
  static final FakeQuestions QUESTIONS = new FakeQuestions();

  @TempDir static Path dir;

  static final class FakeQuestions implements QuestionSource {
    volatile List<Question> answer = List.of();
    volatile String asked = "";

    @Override
    public List<Question> questions(String trackId, Instant from, Instant to) {
      asked = trackId + " " + from + " " + to;
      return answer;
    }
  }

  static TestTalk talk(String id, String title, String track, String room, long startMinutes,
      String speaker) {
    return new TestTalk(id, title, track, room, NOW.plus(Duration.ofMinutes(startMinutes)),
        Duration.ofMinutes(30), List.of(speaker));
  }

  @BeforeAll
  static void start() throws Exception {
    Path file = new TestSchedule()
        .add(talk("301", "Streaming 101", "Open Media", "K.4.401", -50, "Ann"))
        .add(talk("302", "Live now", "Open Media", "K.4.401", -10, "Bob"))
        .add(talk("303", "Up next", "Open Media", "K.4.401", 25, "Cat"))
        .add(talk("304", "Last one", "Open Media", "K.4.401", 60, "Dan"))
        .add(talk("305", "Tomorrow's talk", "Open Media", "K.4.401", 24 * 60, "Eve"))
        .add(talk("666", XSS, "Security", "H.2215", -5, "<script>alert(2)</script>"))
        .add(talk("401", "Done for the day", "Archive", "H.1301", -90, "Fay"))
        .write(dir.resolve("schedule.xml"));
    Conference conference = PentabarfFiles.parse(Optional.of(ZoneId.of("UTC")), file);
    WidgetSchedule schedule = new WidgetSchedule(conference,
        DesiredState.tracks(conference, TrackGrouping.TRACK));
    clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), NOW));
    server = WebServer.start("127.0.0.1", 0, () -> schedule, QUESTIONS, clock);
    media = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    media.start();
    browser = Browser.start();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
    if (media != null) {
      media.stop();
    }
  }

  @BeforeEach
  void reset() {
    media.resetAll();
    media.stubFor(get(urlPathMatching("/(call|pad)/.*")).willReturn(aResponse()
        .withHeader("Content-Type", "text/html").withBody("<h1>Fake call or pad</h1>")));
    media.stubFor(get(urlPathMatching("/hls/.*")).willReturn(aResponse().withStatus(404)
        .withHeader("Access-Control-Allow-Origin", "*")));
    QUESTIONS.answer = List.of();
  }

  static void open(String page) {
    browser.driver().get("http://127.0.0.1:" + server.port() + "/widgets/" + page);
  }

  static String text(String css) {
    return browser.text(css);
  }

  static String media(String path) {
    return "http://127.0.0.1:" + media.port() + path;
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static Object script(String js) {
    return browser.driver().executeScript(js);
  }

  @Test
  void scheduleListsTheTracksTalksOfTheDayInTheViewersZoneAndHighlightsTheCurrentOne() {
    browser.timeZone("America/New_York");
    open("schedule.html?track=open-media");
    await().atMost(Duration.ofSeconds(10)).until(() -> browser.texts("li.talk").size() == 4);
    assertThat(browser.attributes("li.talk", "data-talk-id"))
        .containsExactly("301", "302", "303", "304");
    assertThat(text("li.talk.current")).contains("Live now").contains("Bob");
    assertThat(browser.texts("li.talk.past")).hasSize(1);
    DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm")
        .withZone(ZoneId.of("America/New_York"));
    Instant start = NOW.minus(Duration.ofMinutes(10));
    assertThat(text("li.talk.current .when")).isEqualTo(hhmm.format(start) + "–"
        + hhmm.format(start.plus(Duration.ofMinutes(30))));
    assertThat(text("#day")).contains("2026-03-14").contains("America/New_York");
    assertThat(text("#next")).matches("Next: Up next in 2[45]:[0-5][0-9]");
    browser.screenshot("schedule");
    browser.timeZone("UTC");
  }

  /** Seconds shown by a countdown ("mm:ss" or "h:mm:ss"). */
  static int seconds(String shown) {
    int total = 0;
    for (String part : shown.split(":")) {
      total = total * 60 + Integer.parseInt(part);
    }
    return total;
  }

  @Test
  void countdownDecreasesSecondBySecondByTheServersClockNotTheViewers() {
    open("countdown.html?talk=303");
    await().atMost(Duration.ofSeconds(10)).until(() -> text("#live").matches("\\d+:\\d\\d"));
    List<Integer> seen = new ArrayList<>();
    seen.add(seconds(text("#live")));
    while (seen.size() < 4) {
      int last = seen.get(seen.size() - 1);
      await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50))
          .until(() -> seconds(text("#live")) != last);
      seen.add(seconds(text("#live")));
    }
    for (int i = 1; i < seen.size(); i++) {
      assertThat(seen.get(i - 1) - seen.get(i)).as("one second at a time: " + seen).isEqualTo(1);
    }
    long expected = Duration.between(clock.instant(), NOW.plus(Duration.ofMinutes(25)))
        .toSeconds();
    assertThat((long) seconds(text("#live"))).isBetween(expected - 2, expected + 2);
    assertThat(seconds(text("#end")) - seconds(text("#live"))).isBetween(1799, 1801);
    assertThat(text("#live-label")).isEqualTo("LIVE IN");
    browser.screenshot("countdown");

    open("countdown.html?talk=302");
    await().atMost(Duration.ofSeconds(10)).until(() -> text("#live").equals("LIVE"));
    long end = Duration.between(clock.instant(), NOW.plus(Duration.ofMinutes(20))).toSeconds();
    assertThat((long) seconds(text("#end"))).isBetween(end - 2, end + 2);
  }

  @Test
  void countdownShowsOneLabelWhileLiveAndThatTheTalkEndedAfterTheEnd() {
    open("countdown.html?talk=302");
    await().atMost(Duration.ofSeconds(10)).until(() -> text("#live").equals("LIVE"));
    assertThat(text(".block")).as("one label while live").isEqualTo("LIVE");
    assertThat(text("#end-label")).isEqualTo("SLOT ENDS IN");
    browser.screenshot("countdown-live");

    open("countdown.html?talk=301");
    await().atMost(Duration.ofSeconds(10)).until(() -> !text("#title").isEmpty());
    String ended = hhmm(ZoneId.of("UTC")).format(NOW.minus(Duration.ofMinutes(20)));
    await().atMost(Duration.ofSeconds(3)).until(() -> text("body").contains("ENDED AT"));
    assertThat(text("body")).doesNotContain("ENDS IN").doesNotContain("00:00")
        .doesNotContain("LIVE");
    assertThat(text("#end")).isEqualTo(ended);
    browser.screenshot("countdown-ended");
  }

  static DateTimeFormatter hhmm(ZoneId zone) {
    return DateTimeFormatter.ofPattern("HH:mm").withZone(zone);
  }

  @Test
  void inTheHallwayTheVideoSaysTheTalkEndedAndKeepsTheHallwayCall() {
    String call = media("/call/usher-301");
    String playlist = "/hls/k-4-401.m3u8";
    open("hybrid.html?talk=301&retry=1&stream=" + encode(media(playlist)) + "&video="
        + encode(call));
    await().atMost(Duration.ofSeconds(10)).until(() -> text("#status").contains("ended at"));
    assertThat(text("#status")).doesNotContain("not live yet")
        .contains("“Streaming 101” ended at " + hhmm(ZoneId.of("UTC"))
            .format(NOW.minus(Duration.ofMinutes(20))));
    assertThat(browser.driver().findElements(By.tagName("video"))).isEmpty();
    assertThat(media.findAll(getRequestedFor(urlPathEqualTo(playlist)))).isEmpty();
    assertThat(text("#join")).isEqualTo("Join the hallway call");
    browser.screenshot("hybrid-hallway");
    browser.driver().findElement(By.id("join")).click();
    assertThat(browser.driver().findElement(By.id("call")).getAttribute("src")).isEqualTo(call);
  }

  @Test
  void theLivestreamSaysTheTracksTalksHaveEndedRatherThanNotLiveYet() {
    open("livestream.html?track=archive&retry=1&stream=" + encode(media("/hls/h-1301.m3u8")));
    await().atMost(Duration.ofSeconds(10))
        .until(() -> "waiting".equals(script("return document.getElementById('status')"
            + ".dataset.state")) && text("#status").contains("ended"));
    assertThat(text("#status")).doesNotContain("not live yet")
        .contains("“Done for the day” ended at " + hhmm(ZoneId.of("UTC"))
            .format(NOW.minus(Duration.ofMinutes(60))));
    browser.screenshot("livestream-ended");
  }

  @Test
  void questionsGiveTheUpdateTimeIn24HoursInTheViewersZone() {
    browser.timeZone("America/New_York");
    try {
      open("questions.html?talk=302");
      await().atMost(Duration.ofSeconds(10)).until(() -> text("#status").contains("Updated"));
      String shown = text("#status").replaceAll(".*Updated ", "");
      assertThat(shown).matches("\\d\\d:\\d\\d:\\d\\d");
      java.time.LocalTime expected = java.time.LocalTime.ofInstant(clock.instant(),
          ZoneId.of("America/New_York"));
      assertThat(Math.abs(Duration.between(java.time.LocalTime.parse(shown), expected)
          .toSeconds())).isLessThan(10);
    } finally {
      browser.timeZone("UTC");
    }
  }

  static Question question(String id, String body, int thumbs, int minute) {
    return new Question(id, "Sender " + id, body, thumbs, NOW.minus(Duration.ofMinutes(minute)));
  }

  @Test
  void scoreboardShowsMessagesInTheirRankAndFollowsNewReactionsWithinFiveSeconds() {
    QUESTIONS.answer = List.of(question("$b", "How does it scale?", 3, 8),
        question("$a", "Which license?", 1, 9), question("$c", "Slides?", 0, 7));
    open("questions.html?talk=302");
    await().atMost(Duration.ofSeconds(10)).until(() -> browser.texts("li.question").size() == 3);
    assertThat(browser.texts("li.question .body")).containsExactly("How does it scale?", "Which license?", "Slides?");
    assertThat(text("li.question .votes")).isEqualTo("👍 3");
    assertThat(QUESTIONS.asked).isEqualTo("open-media " + NOW.minus(Duration.ofMinutes(10))
        + " " + NOW.plus(Duration.ofMinutes(20)));
    browser.screenshot("questions");

    QUESTIONS.answer = List.of(question("$c", "Slides?", 5, 7),
        question("$b", "How does it scale?", 3, 8), question("$a", "Which license?", 1, 9));
    await().atMost(Duration.ofSeconds(5)).until(() -> text("li.question .body").equals("Slides?"));

    open("questions.html?track=open-media");
    await().atMost(Duration.ofSeconds(10)).until(() -> text("#talk").startsWith("Live now"));
  }

  @Test
  void livestreamStartsMutedRetriesUntilTheStreamIsUpAndUnmutesOnClick() {
    String playlist = "/hls/k-4-401.m3u8";
    open("livestream.html?track=open-media&retry=1&stream=" + encode(media(playlist)));
    await().atMost(Duration.ofSeconds(10))
        .until(() -> "waiting".equals(script("return document.getElementById('status')"
            + ".dataset.state")));
    assertThat(text("#status")).contains("not live yet");
    assertThat(text("#now-playing")).isEqualTo("Now: Live now");
    assertThat(script("return document.querySelector('video').muted")).isEqualTo(true);
    browser.screenshot("livestream-waiting");
    await().atMost(Duration.ofSeconds(10))
        .until(() -> media.findAll(getRequestedFor(urlPathEqualTo(playlist))).size() >= 2);

    browser.driver().findElement(By.id("unmute")).click();
    assertThat(script("return document.querySelector('video').muted")).isEqualTo(false);
    assertThat(text("#unmute")).isEqualTo("Mute");

    media.stubFor(get(urlPathEqualTo(playlist)).willReturn(aResponse()
        .withHeader("Access-Control-Allow-Origin", "*")
        .withHeader("Content-Type", "application/vnd.apple.mpegurl")
        .withBody("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:4\n#EXTINF:4.0,\n"
            + "segment0.ts\n#EXT-X-ENDLIST\n")));
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
        .until(() -> "live".equals(script("return document.getElementById('status')"
            + ".dataset.state")));
  }

  @Test
  void hybridShowsTheStreamAndSwitchesToTheVideoCallOnJoin() {
    String call = media("/call/usher-302");
    open("hybrid.html?talk=302&retry=1&stream=" + encode(media("/hls/k-4-401.m3u8"))
        + "&video=" + encode(call));
    await().atMost(Duration.ofSeconds(10)).until(() -> text("#title").equals("Live now"));
    assertThat(browser.driver().findElements(By.tagName("video"))).hasSize(1);
    assertThat(browser.driver().findElements(By.tagName("iframe"))).isEmpty();
    browser.screenshot("hybrid-stream");

    browser.driver().findElement(By.id("join")).click();
    WebElement frame = browser.driver().findElement(By.id("call"));
    assertThat(frame.getAttribute("src")).isEqualTo(call);
    assertThat(browser.driver().findElements(By.tagName("video"))).isEmpty();
    await().atMost(Duration.ofSeconds(10))
        .until(() -> !media.findAll(getRequestedFor(urlPathEqualTo("/call/usher-302"))).isEmpty());
    browser.screenshot("hybrid-call");

    browser.driver().findElement(By.id("back")).click();
    assertThat(browser.driver().findElements(By.tagName("video"))).hasSize(1);
    assertThat(browser.driver().findElements(By.id("call"))).isEmpty();
  }

  @Test
  void scratchpadFramesTheTalksPad() {
    String pad = media("/pad/usher-302");
    open("scratchpad.html?talk=302&pad=" + encode(pad));
    await().atMost(Duration.ofSeconds(10)).until(() -> text("#title").equals("Notes: Live now"));
    assertThat(browser.driver().findElement(By.id("pad-frame")).getAttribute("src"))
        .isEqualTo(pad);
    assertThat(browser.driver().findElement(By.id("open")).getAttribute("href")).isEqualTo(pad);
    browser.screenshot("scratchpad");
  }

  @Test
  void aFramedUrlMustBeHttpSoAWidgetUrlCannotRunScript() {
    open("scratchpad.html?talk=302&pad=" + encode("javascript:alert(3)"));
    await().atMost(Duration.ofSeconds(10)).until(() -> text("#status").contains("No scratchpad"));
    assertThat(browser.driver().findElements(By.tagName("iframe"))).isEmpty();
    assertNoScriptRan();
  }

  @Test
  void aTitleThatLooksLikeHtmlShowsAsTextInEveryPage() {
    QUESTIONS.answer = List.of(new Question("$x", "<b>Mallory</b>", XSS, 2, NOW));
    String stream = encode(media("/hls/h-2215.m3u8"));
    List<String> pages = List.of("schedule.html?track=security",
        "livestream.html?track=security&stream=" + stream, "countdown.html?talk=666",
        "questions.html?talk=666", "questions.html?track=security",
        "hybrid.html?talk=666&stream=" + stream, "scratchpad.html?talk=666&pad="
        + encode(media("/pad/666")));
    for (String page : pages) {
      open(page);
      await(page).atMost(Duration.ofSeconds(10))
          .until(() -> text("body").contains(XSS));
      assertThat(browser.driver().findElements(By.tagName("img"))).as(page).isEmpty();
      assertThat(browser.driver().findElements(By.tagName("script")))
          .as(page + ": only the page's own scripts").allSatisfy(s ->
              assertThat(s.getAttribute("src")).startsWith("http://127.0.0.1:" + server.port()));
      assertNoScriptRan();
      browser.screenshot("escaped-" + page.substring(0, page.indexOf('.')) + "-"
          + page.substring(page.indexOf('?') + 1, page.indexOf('=')));
    }
    open("schedule.html?track=security");
    await().atMost(Duration.ofSeconds(10)).until(() -> text("#talks").contains("alert(2)"));
    assertThat(text("li.talk .persons")).isEqualTo("<script>alert(2)</script>");
    open("questions.html?talk=666");
    await().atMost(Duration.ofSeconds(10)).until(() -> text("#questions").contains("Mallory"));
    assertThat(text("li.question .sender")).startsWith("<b>Mallory</b>");
    assertThat(browser.driver().findElements(By.tagName("b"))).isEmpty();
  }

  static void assertNoScriptRan() {
    assertThatThrownBy(() -> browser.driver().switchTo().alert())
        .isInstanceOf(NoAlertPresentException.class);
  }

  @Test
  void healthAndMetricsAnswer() throws Exception {
    var http = java.net.http.HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + server.port();
    var health = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base
        + "/health")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"ok\"").contains("\"talks\":7");
    var metrics = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base
        + "/metrics")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(metrics.body()).contains("usher_schedule_talks 7.0")
        .contains("usher_bot_leading 0.0")
        .contains("jvm_memory_used_bytes");
    var missing = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base
        + "/api/talks/nope")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(missing.statusCode()).isEqualTo(404);
  }
}

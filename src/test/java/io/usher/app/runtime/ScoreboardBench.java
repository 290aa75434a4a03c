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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The questions scoreboard at FOSDEM 2021's size on a local Synapse (scripts/bench): 109 track
 * rooms, each with its scoreboard open ({@code usher.bench.viewers} viewers a room, each polling
 * the track's questions JSON every 2 s as the widget page does), questions and 👍 arriving
 * across the rooms. Prints the web server's requests a second to the homeserver in steady state
 * and the delay from sending a 👍 to the JSON showing it, and writes them to
 * {@code target/bench/scoreboard.txt}.
 */
@Tag("bench")
class ScoreboardBench {
  static final int TRACKS = Integer.getInteger("usher.bench.tracks", 109);
  static final int VIEWERS = Integer.getInteger("usher.bench.viewers", 2);
  static final int SECONDS = Integer.getInteger("usher.bench.scoreboard.seconds", 60);
  static final int ASKERS = 3;

  @TempDir Path dir;
  final List<String> lines = new ArrayList<>();
  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();
  final Random random = new Random(18);
  final String run = UUID.randomUUID().toString().substring(0, 6);
  /** Each room's questions, and who gave which a 👍 (one per person and question). */
  final Map<Integer, List<String>> questions = new ConcurrentHashMap<>();
  final Set<String> reacted = ConcurrentHashMap.newKeySet();
  final AtomicLong viewerRequests = new AtomicLong();
  final AtomicLong viewerErrors = new AtomicLong();
  final AtomicLong sent = new AtomicLong();

  void figure(String format, Object... args) {
    String line = String.format(Locale.ROOT, format, args);
    lines.add(line);
    System.out.println(line);
  }

  @Test
  void fosdemSizedScoreboards() throws Exception {
    LocalSynapse synapse = LocalSynapse.get();
    Path config = build(synapse);
    List<String> rooms = new ArrayList<>();
    for (int i = 0; i < TRACKS; i++) {
      rooms.add(synapse.bot().resolveAlias("#sb" + run + "-" + track(i) + ":localhost")
          .orElseThrow());
    }
    List<MatrixClient> users = new ArrayList<>();
    List<String> localparts = new ArrayList<>();
    for (int a = 0; a <= ASKERS; a++) {
      localparts.add("sb" + run + (a < ASKERS ? "-asker" + a : "-probe"));
      users.add(unlimited(synapse, localparts.get(a)));
    }
    List<MatrixClient> askers = users.subList(0, ASKERS);
    MatrixClient probe = users.get(ASKERS);
    joinAll(synapse, rooms, localparts);
    for (int i = 0; i < TRACKS; i++) {
      ask(askers.get(i % ASKERS), rooms, i);
      ask(askers.get((i + 1) % ASKERS), rooms, i);
    }
    figure("scoreboard track rooms: %d", TRACKS);
    figure("scoreboard viewers: %d (%d a room, each every 2 s)", TRACKS * VIEWERS, VIEWERS);

    long start = System.nanoTime();
    try (WebProcess web = new WebProcess(new ConfigLoader().load(config), Clock.systemUTC(),
        "127.0.0.1", 0).start()) {
      String base = "http://127.0.0.1:" + web.port() + "/api/tracks/";
      ScheduledExecutorService viewers = Executors.newScheduledThreadPool(4);
      for (int i = 0; i < TRACKS * VIEWERS; i++) {
        String url = base + track(i % TRACKS) + "/questions";
        viewers.scheduleAtFixedRate(() -> view(url), random.nextInt(2000), 2000,
            TimeUnit.MILLISECONDS);
      }
      await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
          .until(() -> allShown(base));
      figure("scoreboard start to every room shown seconds: %.1f",
          (System.nanoTime() - start) / 1e9);
      figure("scoreboard start requests: %d %s", total(web), web.homeserverRequests());
      Thread.sleep(3000);
      steadyState(web, base, rooms, askers, probe);
      viewers.shutdownNow();
    }
    Files.createDirectories(Path.of("target", "bench"));
    Files.write(Path.of("target", "bench", "scoreboard.txt"), lines);
  }

  /** The steady window: activity, probes, and the requests counted. */
  private void steadyState(WebProcess web, String base, List<String> rooms,
      List<MatrixClient> askers, MatrixClient probe) throws Exception {
    long before = total(web);
    Map<String, Long> endpointsBefore = web.homeserverRequests();
    long viewed = viewerRequests.get();
    ExecutorService activity = Executors.newFixedThreadPool(2);
    long end = System.nanoTime() + Duration.ofSeconds(SECONDS).toNanos();
    long windowStart = System.nanoTime();
    List<Long> delays = new ArrayList<>();
    int probed = 0;
    while (System.nanoTime() < end) {
      for (int k = 0; k < 10; k++) {
        activity.submit(() -> act(rooms, askers));
      }
      delays.add(probeOne(base, rooms, probe, probed++ % TRACKS));
      Thread.sleep(Math.max(0, 2500 - delays.get(delays.size() - 1)));
    }
    activity.shutdown();
    activity.awaitTermination(30, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - windowStart) / 1e9;
    long requests = total(web) - before;
    Map<String, Long> endpoints = new java.util.TreeMap<>(web.homeserverRequests());
    endpoints.replaceAll((k, n) -> n - endpointsBefore.getOrDefault(k, 0L));
    Collections.sort(delays);
    figure("scoreboard window seconds: %.1f", seconds);
    figure("scoreboard events sent per second: %.1f", sent.get() / seconds);
    figure("scoreboard viewer requests per second: %.1f (%d errors)",
        (viewerRequests.get() - viewed) / seconds, viewerErrors.get());
    figure("scoreboard requests in window: %d %s", requests, endpoints);
    figure("scoreboard requests per second: %.2f", requests / seconds);
    figure("scoreboard reaction to page median ms: %d", delays.get(delays.size() / 2));
    figure("scoreboard reaction to page ms: %d", delays.get(delays.size() - 1));
    figure("scoreboard reaction probes: %d", delays.size());
  }

  /** A 👍 from the probe on a room's first question; ms until its JSON shows one more. */
  private long probeOne(String base, List<String> rooms, MatrixClient probe, int room)
      throws Exception {
    String url = base + track(room) + "/questions";
    String target = questions.get(room).get(0);
    int was = thumbs(url, target);
    long sentAt = System.nanoTime();
    thumbsUp(probe, rooms.get(room), target);
    while (thumbs(url, target) <= was) {
      Thread.sleep(20);
      if (System.nanoTime() - sentAt > Duration.ofSeconds(30).toNanos()) {
        throw new AssertionError("the 👍 in " + track(room) + " never showed");
      }
    }
    return (System.nanoTime() - sentAt) / 1_000_000;
  }

  /** A question (one in three) or a 👍 by someone who has not given that question one. */
  private void act(List<String> rooms, List<MatrixClient> askers) {
    int room = random.nextInt(TRACKS);
    int who = random.nextInt(ASKERS);
    List<String> asked = questions.get(room);
    // The first question of each room is the probes'.
    String target = asked.get(1 + random.nextInt(asked.size() - 1));
    if (random.nextInt(3) == 0 || !reacted.add(who + target)) {
      ask(askers.get(who), rooms, room);
    } else {
      thumbsUp(askers.get(who), rooms.get(room), target);
      sent.incrementAndGet();
    }
  }

  private void ask(MatrixClient user, List<String> rooms, int room) {
    String id = user.sendMessage(rooms.get(room), "q" + UUID.randomUUID(), Map.of("msgtype",
        "m.text", "body", "Question " + UUID.randomUUID().toString().substring(0, 8) + "?"));
    questions.computeIfAbsent(room, r -> Collections.synchronizedList(new ArrayList<>()))
        .add(id);
    sent.incrementAndGet();
  }

  private static void thumbsUp(MatrixClient user, String room, String eventId) {
    user.sendEvent(room, "m.reaction", "r" + UUID.randomUUID(), Map.of("m.relates_to",
        Map.of("rel_type", "m.annotation", "event_id", eventId, "key", "👍")));
  }

  private void view(String url) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
          .build(), HttpResponse.BodyHandlers.ofString());
      viewerRequests.incrementAndGet();
      if (response.statusCode() != 200 || !response.body().contains("\"status\":\"ok\"")) {
        viewerErrors.incrementAndGet();
      }
    } catch (Exception e) {
      viewerErrors.incrementAndGet();
    }
  }

  private boolean allShown(String base) throws Exception {
    for (int i = 0; i < TRACKS; i++) {
      JsonNode answer = get(base + track(i) + "/questions");
      if (!answer.path("status").asText().equals("ok") || answer.path("questions").size() < 2) {
        return false;
      }
    }
    return true;
  }

  private int thumbs(String url, String eventId) throws Exception {
    for (JsonNode question : get(url).path("questions")) {
      if (question.path("id").asText().equals(eventId)) {
        return question.path("thumbsUp").asInt();
      }
    }
    return -1;
  }

  private JsonNode get(String url) throws Exception {
    return json.readTree(http.send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString()).body());
  }

  private static long total(WebProcess web) {
    return web.homeserverRequests().values().stream().mapToLong(Long::longValue).sum();
  }

  private static String track(int i) {
    return String.format(Locale.ROOT, "bench-%03d", i);
  }

  /** Builds the conference: one talk a track, on now, so each track room is its scoreboard. */
  private Path build(LocalSynapse synapse) throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    TestSchedule schedule = new TestSchedule();
    for (int i = 0; i < TRACKS; i++) {
      schedule.add(new TestTalk(Integer.toString(1000 + i), "Talk " + i,
          String.format(Locale.ROOT, "Bench %03d", i), "R" + i, now.minus(Duration.ofMinutes(5)),
          Duration.ofMinutes(90), List.of("Speaker " + i)));
    }
    Path config = TestConfigs.write(dir, synapse, "sb" + run, "UTC",
        schedule.write(dir.resolve("schedule.xml")), "");
    long start = System.nanoTime();
    assertThat(Applied.apply(config, Instant.now()).result().failures()).isEmpty();
    figure("scoreboard build seconds: %.1f", (System.nanoTime() - start) / 1e9);
    return config;
  }

  /** A user exempt from rate limits, as the bot is (admin override). */
  private static MatrixClient unlimited(LocalSynapse synapse, String localpart) {
    MatrixClient user = synapse.user(localpart);
    synapse.post("/_synapse/admin/v1/users/%40" + localpart + "%3Alocalhost/override_ratelimit",
        synapse.adminToken, "{\"messages_per_second\":0,\"burst_count\":0}");
    return user;
  }

  /**
   * Joins everyone to every room with the admin API, which Synapse does not rate-limit (the
   * override above does not cover joins: 0.1 a second).
   */
  private static void joinAll(LocalSynapse synapse, List<String> rooms, List<String> localparts)
      throws Exception {
    ExecutorService joins = Executors.newFixedThreadPool(4);
    List<java.util.concurrent.Future<?>> done = new ArrayList<>();
    for (String localpart : localparts) {
      for (String room : rooms) {
        done.add(joins.submit(() -> synapse.post("/_synapse/admin/v1/join/" + room,
            synapse.adminToken, "{\"user_id\":\"@" + localpart + ":localhost\"}")));
      }
    }
    for (var join : done) {
      join.get();
    }
    joins.shutdown();
  }

}

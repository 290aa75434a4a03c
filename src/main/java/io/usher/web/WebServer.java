package io.usher.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.staticfiles.Location;
import io.usher.plan.PlannedTrack;
import io.usher.schedule.Talk;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Usher's web server: the widget pages (the top-level {@code widgets/} folder, packed into the
 * jar), the JSON they read, {@code /health} and {@code /metrics}. It needs no homeserver to
 * start; only the questions scoreboard reads one, through its {@link QuestionSource}.
 *
 * <p>Routes: {@code /widgets/*.html}, {@code /vendor/hls.min.js},
 * {@code /api/tracks/{track}/schedule}, {@code /api/tracks/{track}/questions} (the track's
 * current or last talk), {@code /api/talks/{talk}}, {@code /api/talks/{talk}/questions},
 * {@code /health}, {@code /metrics}. See {@link WidgetJson} for the JSON.
 */
public final class WebServer implements AutoCloseable {
  /**
   * No script but the pages' own files runs, whatever a schedule or a message contains; video
   * and calls may come from anywhere, and any Matrix client may frame the pages.
   */
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self';"
      + " style-src 'self'; img-src 'self' data:; media-src * blob:; connect-src *;"
      + " worker-src 'self' blob:; frame-src *; frame-ancestors *";

  private final Javalin javalin;
  private final WebMetrics metrics;

  private WebServer(Javalin javalin, WebMetrics metrics) {
    this.javalin = javalin;
    this.metrics = metrics;
  }

  /**
   * Starts serving on {@code host:port} (port 0 picks a free one).
   *
   * @param schedule the current schedule; read on every request, so a refresh shows at once
   * @param clock the server's time, sent to the pages so viewers' clocks do not matter
   */
  public static WebServer start(String host, int port, Supplier<WidgetSchedule> schedule,
      QuestionSource questions, Clock clock) {
    return start(host, port, schedule, questions, clock, () -> "web");
  }

  /**
   * @param role what {@code /health} says this process is: {@code web} (usher web), {@code
   *     single} (the one bot), {@code leader} or {@code follower} (one of several bots)
   */
  public static WebServer start(String host, int port, Supplier<WidgetSchedule> schedule,
      QuestionSource questions, Clock clock, Supplier<String> role) {
    return start(host, port, schedule, questions, clock, role, registry -> { });
  }

  /**
   * @param more meters of the process's own on {@code /metrics} (the bot's phases in usher run)
   */
  public static WebServer start(String host, int port, Supplier<WidgetSchedule> schedule,
      QuestionSource questions, Clock clock, Supplier<String> role, MeterBinder more) {
    WebMetrics metrics = new WebMetrics(schedule, role);
    more.bindTo(metrics.registry());
    Routes routes = new Routes(schedule, questions, clock, metrics, role);
    Javalin javalin = Javalin.create(config -> routes.configure(config)).start(host, port);
    return new WebServer(javalin, metrics);
  }

  /** The port it listens on. */
  public int port() {
    return javalin.port();
  }

  @Override
  public void close() {
    javalin.stop();
    metrics.close();
  }

  /** The handlers, each small: look up, build the JSON, answer. */
  private static final class Routes {
    private final Supplier<WidgetSchedule> schedule;
    private final QuestionSource questions;
    private final Clock clock;
    private final WebMetrics metrics;
    private final Supplier<String> role;
    private final ObjectMapper json = new ObjectMapper();
    private final Vendor vendor = new Vendor();

    Routes(Supplier<WidgetSchedule> schedule, QuestionSource questions, Clock clock,
        WebMetrics metrics, Supplier<String> role) {
      this.role = role;
      this.schedule = schedule;
      this.questions = questions;
      this.clock = clock;
      this.metrics = metrics;
    }

    void configure(JavalinConfig config) {
      config.startup.showJavalinBanner = false;
      config.staticFiles.add(files -> {
        files.hostedPath = "/widgets";
        files.directory = "/widgets";
        files.location = Location.CLASSPATH;
        files.headers = Map.of("Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "Cache-Control", "no-cache", "X-Content-Type-Options", "nosniff");
      });
      config.routes.get("/vendor/hls.min.js", timed("vendor", vendor::hlsJs));
      config.routes.get("/api/tracks/{track}/schedule", timed("track-schedule", this::schedule));
      config.routes.get("/api/tracks/{track}/questions", timed("track-questions",
          this::trackQuestions));
      config.routes.get("/api/talks/{talk}", timed("talk", this::talk));
      config.routes.get("/api/talks/{talk}/questions", timed("talk-questions",
          this::talkQuestions));
      config.routes.get("/health", timed("health", this::health));
      config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4")
          .result(metrics.scrape()));
    }

    private Handler timed(String route, Handler handler) {
      return ctx -> {
        long start = System.nanoTime();
        try {
          handler.handle(ctx);
        } finally {
          metrics.request(route, ctx.statusCode(), Duration.ofNanos(System.nanoTime() - start));
        }
      };
    }

    private void schedule(Context ctx) throws JsonProcessingException {
      WidgetSchedule now = schedule.get();
      PlannedTrack track = now.track(ctx.pathParam("track")).orElse(null);
      if (track == null) {
        notFound(ctx, "no track " + ctx.pathParam("track"));
        return;
      }
      send(ctx, WidgetJson.schedule(track, now.conference().timeZone(), clock.instant()));
    }

    private void talk(Context ctx) throws JsonProcessingException {
      withTalk(ctx, (track, talk) -> WidgetJson.timing(track, talk, clock.instant()));
    }

    private void talkQuestions(Context ctx) throws JsonProcessingException {
      withTalk(ctx, this::questionsOf);
    }

    private void trackQuestions(Context ctx) throws JsonProcessingException {
      Instant now = clock.instant();
      PlannedTrack track = schedule.get().track(ctx.pathParam("track")).orElse(null);
      Talk talk = track == null ? null : WidgetJson.currentOrLast(track, now).orElse(null);
      if (talk == null) {
        notFound(ctx, "no talks in track " + ctx.pathParam("track"));
        return;
      }
      send(ctx, questionsOf(track, talk));
    }

    private Map<String, Object> questionsOf(PlannedTrack track, Talk talk) {
      Map<String, Object> answer = WidgetJson.questions(track, talk, clock.instant(), questions);
      if (!"ok".equals(answer.get("status"))) {
        metrics.questionsUnavailable();
      }
      return answer;
    }

    private void withTalk(Context ctx,
        BiFunction<PlannedTrack, Talk, Map<String, Object>> view)
        throws JsonProcessingException {
      WidgetSchedule now = schedule.get();
      String id = ctx.pathParam("talk");
      var track = now.trackOf(id);
      var talk = now.talk(id);
      if (track.isEmpty() || talk.isEmpty()) {
        notFound(ctx, "no talk " + id);
        return;
      }
      send(ctx, view.apply(track.get(), talk.get()));
    }

    private void health(Context ctx) throws JsonProcessingException {
      WidgetSchedule now = schedule.get();
      send(ctx, Map.of("status", "ok", "conference", now.conference().title(),
          "talks", now.conference().talks().size(), "tracks", now.trackCount(),
          "now", clock.instant().toEpochMilli(), "role", role.get()));
    }

    private void notFound(Context ctx, String message) throws JsonProcessingException {
      ctx.status(404);
      send(ctx, Map.of("error", message));
    }

    private void send(Context ctx, Object body) throws JsonProcessingException {
      ctx.header("Cache-Control", "no-store").header("Access-Control-Allow-Origin", "*")
          .contentType("application/json; charset=utf-8").result(json.writeValueAsString(body));
    }
  }
}

package io.usher.app.runtime;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.usher.app.config.BadInputException;
import io.usher.app.config.Settings;
import io.usher.matrix.MatrixClient;
import io.usher.matrix.RetryPolicy;
import io.usher.plan.DesiredState;
import io.usher.questions.MatrixQuestions;
import io.usher.schedule.source.ScheduleSource;
import io.usher.web.WebServer;
import io.usher.web.WidgetSchedule;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web server with its schedule (reloaded every {@code conference.refresh_every}) and its
 * questions feed. It reads the homeserver only for questions: one long-polling {@code /sync} of
 * all the track rooms ({@link MatrixQuestions}), retried with a backoff while the homeserver is
 * down, so it starts and serves widgets then; {@code usher web} runs it apart from the bot, so
 * the widgets outlive a bot restart. Made without I/O; {@link #start} serves.
 */
public final class WebProcess implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebProcess.class);
  /**
   * The shortest time between two starts of the scoreboard's sync: at most one request a second
   * to the homeserver, and a 👍 on the page within about a second plus the page's own 2 s.
   */
  static final Duration QUESTIONS_PACE = Duration.ofSeconds(1);
  /** How long the scoreboard's sync waits for news; it answers as soon as there is some. */
  static final Duration QUESTIONS_LONG_POLL = Duration.ofSeconds(20);

  private final Settings settings;
  private final Clock clock;
  private final ScheduleSource source;
  private final String host;
  private final int port;
  private final Supplier<String> role;
  private final MeterBinder botMeters;
  private final AtomicReference<WidgetSchedule> schedule = new AtomicReference<>();
  private final ScheduledExecutorService refresher =
      DaemonThreads.scheduler("usher-web-schedule-refresh");
  private volatile WebServer server;
  private volatile MatrixQuestions questions;
  private volatile TrackRooms rooms;

  /** Serves on the configured address, reading the config's schedule on its own. */
  public WebProcess(Settings settings, Clock clock) {
    this(settings, clock, Schedules.source(settings));
  }

  /**
   * Sharing the bot's {@code source} (usher run), a schedule URL is fetched for both and an
   * unchanged one costs the second a 304 and no parse.
   */
  public WebProcess(Settings settings, Clock clock, ScheduleSource source) {
    this(settings, clock, source, () -> "web", registry -> { });
  }

  /**
   * @param role what {@code /health} says this process is (the bot's role in usher run)
   * @param botMeters the bot's own meters on {@code /metrics}
   */
  public WebProcess(Settings settings, Clock clock, ScheduleSource source,
      Supplier<String> role, MeterBinder botMeters) {
    this(settings, clock, source, settings.web().host(), settings.web().port(), role, botMeters);
  }

  WebProcess(Settings settings, Clock clock, String host, int port) {
    this(settings, clock, Schedules.source(settings), host, port, () -> "web", registry -> { });
  }

  private WebProcess(Settings settings, Clock clock, ScheduleSource source, String host,
      int port, Supplier<String> role, MeterBinder botMeters) {
    this.role = role;
    this.botMeters = botMeters;
    this.settings = settings;
    this.clock = clock;
    this.source = source;
    this.host = host;
    this.port = port;
  }

  /**
   * Loads the schedule (a bad one stops here), starts serving and the schedule refresh.
   *
   * @return this, serving
   */
  public WebProcess start() {
    schedule.set(load());
    rooms = new TrackRooms(client(settings.homeserverUrl()), this::client, settings,
        schedule::get, clock);
    questions = new MatrixQuestions(rooms::reader, () -> schedule.get().trackIds(),
        rooms::roomId, rooms::botUserId, QUESTIONS_PACE, QUESTIONS_LONG_POLL, LOG::warn);
    this.server = serve(questions);
    questions.start();
    LOG.info("web: serving the widgets on http://{}:{}", host, server.port());
    long every = settings.refreshEvery().toMillis();
    refresher.scheduleWithFixedDelay(this::refresh, every, every, TimeUnit.MILLISECONDS);
    return this;
  }

  /** Brief with a homeserver that does not answer: a widget is waiting. */
  private MatrixClient client(String url) {
    return MatrixClient.create(url, settings.accessToken(),
        new RetryPolicy(3, 1, Duration.ofMillis(200), Duration.ofSeconds(5)), (e, wait) -> { });
  }

  private WebServer serve(MatrixQuestions questions) {
    try {
      return WebServer.start(host, port, schedule::get, questions, clock, role, botMeters);
    } catch (RuntimeException e) {
      // Javalin reports a taken port or an unknown address this way.
      throw new BadInputException("web.listen: cannot listen on " + host + ":" + port + ": "
          + e.getMessage(), e);
    }
  }

  /** The requests it has made to the homeserver so far (for the questions), by endpoint. */
  java.util.Map<String, Long> homeserverRequests() {
    return rooms == null ? java.util.Map.of() : rooms.requests();
  }

  /** The port it serves on, once started (the one asked for, or the one given for 0). */
  public int port() {
    return server.port();
  }

  private WidgetSchedule load() {
    // The pages show the schedule only: the people file is the bot's business.
    var conference = Schedules.load(source, settings.schedule());
    return new WidgetSchedule(conference, DesiredState.tracks(conference, settings.grouping()));
  }

  private void refresh() {
    try {
      schedule.set(load());
    } catch (RuntimeException e) {
      LOG.warn("web: keeping the previous schedule: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    refresher.shutdownNow();
    if (questions != null) {
      questions.close();
    }
    if (server != null) {
      server.close();
    }
  }
}

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
 * questions feed. It reads the homeserver only for questions, and only when asked, so it starts
 * and serves widgets while the homeserver is down; {@code usher web} runs it apart from the
 * bot, so the widgets outlive a bot restart. Made without I/O; {@link #start} serves.
 */
public final class WebProcess implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebProcess.class);
  /** How stale a scoreboard may be; the issue asks for updates within 5 s. */
  static final Duration QUESTIONS_REFRESH = Duration.ofSeconds(2);

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
    TrackRooms rooms = new TrackRooms(client(settings.homeserverUrl()), this::client, settings,
        schedule::get, clock);
    MatrixQuestions questions = new MatrixQuestions(rooms::reader, rooms::roomId,
        rooms::botUserId, clock, QUESTIONS_REFRESH);
    this.server = serve(questions);
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
    if (server != null) {
      server.close();
    }
  }
}

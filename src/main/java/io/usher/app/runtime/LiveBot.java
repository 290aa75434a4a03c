package io.usher.app.runtime;

import io.usher.app.config.BadInputException;
import io.usher.app.config.Settings;
import io.usher.apply.Announcer;
import io.usher.apply.MembershipReader;
import io.usher.apply.Reconciler;
import io.usher.apply.Verifier;
import io.usher.commands.BotControl;
import io.usher.commands.ManagementRoom;
import io.usher.commands.UntrustedRoomException;
import io.usher.lifecycle.LifecycleStatus;
import io.usher.lifecycle.UpcomingPhase;
import io.usher.plan.DesiredConference;
import io.usher.plan.Policy;
import io.usher.plan.diff.Plan;
import io.usher.plan.diff.RemovalGuard;
import io.usher.plan.diff.RemovalRefusedException;
import io.usher.schedule.Conference;
import io.usher.schedule.People;
import io.usher.schedule.source.ScheduleSource;
import io.usher.scheduler.LifecycleRunner;
import io.usher.scheduler.PhaseOutcome;
import io.usher.scheduler.RunnerSettings;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running bot: the lifecycle runner, the management room and the schedule refresh, wired
 * together. Implements the management room's commands. {@link #open} reads the people file
 * and opens the bot's session; {@link #start} does the rest; the constructor makes no request
 * and starts no thread.
 */
public final class LiveBot implements BotControl, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LiveBot.class);

  private final Settings settings;
  /** The people file as read at start; a refresh reads it again. */
  private final People people;
  private final BotSession session;
  private final Reconciler reconciler;
  /** One for the bot's life, so an unchanged schedule URL costs a 304 and no parse. */
  private final ScheduleSource source;
  private final Clock clock;
  private final Consumer<PhaseOutcome> outcomes;
  private final Duration pollTimeout;
  private final ScheduledExecutorService refresher =
      DaemonThreads.scheduler("usher-schedule-refresh");
  /** Made by {@link #start}: its Quartz scheduler has threads of its own. */
  private volatile LifecycleRunner runner;
  private volatile Optional<ManagementRoom> room = Optional.empty();
  /** The last refusal told to the organisers, so a refused version is told once, not hourly. */
  private final AtomicReference<String> refusalTold = new AtomicReference<>("");

  private LiveBot(Settings settings, People people, BotSession session, Clock clock,
      Consumer<PhaseOutcome> outcomes, Duration pollTimeout) {
    this.settings = settings;
    this.people = people;
    this.session = session;
    this.reconciler = session.reconciler(LOG::debug);
    this.source = Schedules.source(settings);
    this.clock = clock;
    this.outcomes = outcomes;
    this.pollTimeout = pollTimeout;
  }

  /**
   * Reads the people file (a bad one stops here) and opens the bot's session on its homeserver.
   *
   * @param clock every time decision reads it; a {@link io.usher.scheduler.ScaledClock} rehearses
   * @param err where rate limits met are reported
   * @param pollTimeout how long one management-room {@code /sync} waits
   */
  public static LiveBot open(Settings settings, Clock clock, PrintWriter err,
      Consumer<PhaseOutcome> outcomes, Duration pollTimeout) {
    People people = PeopleFiles.load(settings.people());
    return new LiveBot(settings, people, BotSession.open(settings, people, err), clock, outcomes,
        pollTimeout);
  }

  /** {@link #start(boolean)} refusing a schedule that cancels too many talks. */
  public void start() {
    start(false);
  }

  /**
   * Loads the schedule (a bad one stops here, before any change), opens the management room,
   * reconciles, catches up and starts the timer, the management room and the schedule refresh.
   *
   * @param confirmRemovals close the rooms of talks gone from the schedule even when they are
   *     more than {@code conference.removal_guard} allows
   * @throws BadInputException when the schedule cannot be read, cancels too many talks
   *     without {@code confirmRemovals}, or the management room could be anyone's; no
   *     conference room is changed
   */
  public void start(boolean confirmRemovals) {
    var conference = Schedules.conference(settings, people, source);
    Announcer announcer = new Announcer(session.client, session.me.userId());
    runner = new LifecycleRunner(new RunnerSettings(clock, session.policy,
        settings.lifecycle(), settings.parallelism()), reconciler, announcer,
        this::tellOrganisers, LOG::info, outcomes);
    try {
      room = settings.managementRoom().map(this::managementRoom);
    } catch (UntrustedRoomException e) {
      throw new BadInputException(e.getMessage(), e);
    }
    try {
      runner.start(conference, settings.removalGuard().unless(confirmRemovals));
    } catch (RemovalRefusedException e) {
      throw new BadInputException("usher run refused: " + e.getMessage() + ". Nothing was"
          + " changed. If the schedule is right, start with usher run --confirm-removals.", e);
    }
    room.ifPresent(ManagementRoom::start);
    long every = settings.refreshEvery().toMillis();
    refresher.scheduleWithFixedDelay(this::refreshQuietly, every, every, TimeUnit.MILLISECONDS);
    LifecycleStatus status = runner.status();
    LOG.info("running {}: {} rooms, {} phases scheduled", settings.conferenceId(),
        status.rooms(), status.scheduledJobs());
  }

  /** The management room {@code alias}, joined, or made when it does not exist yet. */
  private ManagementRoom managementRoom(String alias) {
    String userId = session.me.userId();
    String roomId = ManagementRoom.open(session.client, alias, userId, session.me.serverName(),
        settings.organisers(), settings.conferenceName().isEmpty() ? settings.conferenceId()
            : settings.conferenceName());
    return new ManagementRoom(session.client, userId, roomId, this, settings.timeZone(),
        pollTimeout, LOG::info);
  }

  /** The lifecycle runner, once {@link #start} has made it. */
  LifecycleRunner runner() {
    return runner;
  }

  public Optional<String> managementRoomId() {
    return room.map(ManagementRoom::roomId);
  }

  public BotSession session() {
    return session;
  }

  private void tellOrganisers(String line) {
    LOG.warn(line);
    room.ifPresent(r -> r.notice(line));
  }

  private void refreshQuietly() {
    try {
      LOG.info("schedule refresh: {}", follow(reload(), settings.removalGuard()));
      refusalTold.set("");
    } catch (RemovalRefusedException e) {
      String told = refusal(e);
      if (!refusalTold.getAndSet(told).equals(told)) {
        tellOrganisers(told);
      }
    } catch (RuntimeException e) {
      tellOrganisers("Schedule refresh failed: " + e.getMessage());
    }
  }

  @Override
  public LifecycleStatus status() {
    return runner.status();
  }

  @Override
  public List<UpcomingPhase> upcoming(Optional<String> track, int limit) {
    return runner.upcoming(track, limit);
  }

  @Override
  public Plan plan() {
    return reconciler.plan(runner.desiredNow());
  }

  @Override
  public String apply() {
    try {
      return runner.reconcileAll(settings.removalGuard());
    } catch (RemovalRefusedException e) {
      return "nothing, because " + e.getMessage() + " (usher apply --confirm-removals closes"
          + " their rooms).";
    }
  }

  /**
   * Reloads the schedule and the people file, and follows them unless the schedule cancels too
   * many talks without {@code confirmRemovals}: then the current version is kept.
   *
   * @throws BadInputException when either cannot be read; the current ones are kept
   */
  @Override
  public String refresh(boolean confirmRemovals) {
    try {
      return follow(reload(), settings.removalGuard().unless(confirmRemovals));
    } catch (RemovalRefusedException e) {
      return refusal(e);
    }
  }

  /** The people file and the schedule, read again; each read once. */
  private Reload reload() {
    People next = PeopleFiles.load(settings.people());
    return new Reload(Schedules.conference(settings, next, source), session.policy(next));
  }

  private String follow(Reload reload, RemovalGuard removals) {
    return runner.refresh(reload.conference(), reload.policy(), removals);
  }

  private static String refusal(RemovalRefusedException e) {
    return "The new schedule is not applied: " + e.getMessage() + ". The bot keeps the version"
        + " it has. If the new one is right, send `!usher refresh --confirm`.";
  }

  private record Reload(Conference conference, Policy policy) {}

  /** Where the bot reads its schedule; the web server of the same process shares it. */
  public ScheduleSource scheduleSource() {
    return source;
  }

  /** @throws IllegalArgumentException for an unknown track, with the known ones */
  @Override
  public String verify(Optional<String> track) {
    DesiredConference desired = runner.desiredNow();
    return new Verifier(new MembershipReader(session.client, session.me.userId()))
        .verify(desired, BotSession.seats(runner.policy(), runner.lifecycle().conference(),
            desired), reconciler.observe().rooms(), track)
        .render();
  }

  @Override
  public void run() {
    runner.resume();
  }

  @Override
  public void pause() {
    runner.pause();
  }

  /** Stops at once: no further phase, refresh or command is started. */
  void stopNow() {
    refresher.shutdownNow();
    room.ifPresent(ManagementRoom::close);
    if (runner != null) {
      runner.stopNow();
    }
  }

  @Override
  public void close() {
    refresher.shutdownNow();
    room.ifPresent(ManagementRoom::close);
    if (runner != null) {
      runner.close();
    }
  }
}

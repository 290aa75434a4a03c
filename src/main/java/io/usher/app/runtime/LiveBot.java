package io.usher.app.runtime;

import io.usher.app.config.BadInputException;
import io.usher.app.config.Settings;
import io.usher.apply.Announcer;
import io.usher.apply.Reconciler;
import io.usher.commands.BotControl;
import io.usher.commands.ManagementRoom;
import io.usher.commands.SyncCursor;
import io.usher.commands.UntrustedRoomException;
import io.usher.lifecycle.LifecycleStatus;
import io.usher.lifecycle.UpcomingPhase;
import io.usher.plan.DesiredConference;
import io.usher.plan.diff.Plan;
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
  private final ScheduleVersions versions;
  private final Clock clock;
  private final Consumer<PhaseOutcome> outcomes;
  private final Duration pollTimeout;
  /** The management room and the schedule refresh: here while this bot leads. */
  private final LeaderDuties duties;
  /** With other bots: asks the runner every second whether a phase another bot held is free. */
  private final ScheduledExecutorService ticker = DaemonThreads.scheduler("usher-phase-tick");
  /** Set when {@code scheduler.store} is: this bot is one of several. */
  private final Optional<ClusterRole> cluster;
  /** Made by {@link #start}: its Quartz scheduler has threads of its own. */
  private volatile LifecycleRunner runner;

  private LiveBot(Settings settings, People people, BotSession session,
      Optional<ClusterRole> cluster, Clock clock, Consumer<PhaseOutcome> outcomes,
      Duration pollTimeout) {
    this.settings = settings;
    this.cluster = cluster;
    this.people = people;
    this.session = session;
    this.reconciler = session.reconciler(LOG::debug);
    this.versions = new ScheduleVersions(settings, session, cluster, this::tellOrganisers);
    this.clock = clock;
    this.outcomes = outcome -> {
      // One line per phase, with this bot's id when there are several: who did what, when.
      LOG.info("phase handled: {} {} {} ms after its time{}", outcome.event().recordId(),
          outcome.status(), outcome.startLateness().toMillis(),
          cluster.map(c -> " by " + c.shared().instanceId()).orElse(""));
      outcomes.accept(outcome);
    };
    this.pollTimeout = pollTimeout;
    this.duties = new LeaderDuties(() -> settings.managementRoom().map(this::managementRoom),
        () -> versions.refreshQuietly(runner), settings.refreshEvery());
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
    BotSession session = BotSession.open(settings, people, err);
    Optional<ClusterRole> cluster = settings.store().map(store -> ClusterRole.open(store,
        settings.conferenceId()));
    return new LiveBot(settings, people, session, cluster, clock, outcomes, pollTimeout);
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
    var conference = versions.first(people);
    Announcer announcer = new Announcer(session.client, session.me.userId());
    RunnerSettings runnerSettings = new RunnerSettings(clock, session.policy,
        settings.lifecycle(), settings.parallelism());
    runner = cluster.isEmpty() ? new LifecycleRunner(runnerSettings, reconciler, announcer,
        this::tellOrganisers, LOG::info, outcomes)
        : new LifecycleRunner(runnerSettings, reconciler, announcer, cluster.get().shared(),
            this::catchUp, this::tellOrganisers, LOG::info, outcomes);
    if (cluster.isEmpty() || cluster.get().leadOrAwaitLeader()) {
      lead(conference, confirmRemovals);
    } else {
      runner.startFollowing(conference);
    }
    cluster.ifPresent(this::watch);
    LifecycleStatus status = runner.status();
    LOG.info("running {} as {}: {} rooms, {} phases scheduled", settings.conferenceId(), role(),
        status.rooms(), status.scheduledJobs());
  }

  /** The one bot, or the leader at start: reconciles, catches up, opens the management room. */
  private void lead(Conference conference, boolean confirmRemovals) {
    try {
      duties.openRoom();
    } catch (UntrustedRoomException e) {
      throw new BadInputException(e.getMessage(), e);
    }
    try {
      runner.start(conference, settings.removalGuard().unless(confirmRemovals));
    } catch (RemovalRefusedException e) {
      throw new BadInputException("usher run refused: " + e.getMessage() + ". Nothing was"
          + " changed. If the schedule is right, start with usher run --confirm-removals.", e);
    }
    versions.published();
    duties.begin();
  }

  private void watch(ClusterRole role) {
    role.watch(new Leadership.Listener() {
      @Override
      public void elected() {
        duties.later(LiveBot.this::takeOver, Duration.ZERO);
      }

      @Override
      public void deposed() {
        duties.later(duties::end, Duration.ZERO);
      }
    });
    long tick = Leadership.TRY_EVERY.toMillis();
    ticker.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
  }

  /** What this process is, as {@code /health} says: single, leader or follower. */
  public String role() {
    return cluster.map(ClusterRole::role).orElse("single");
  }

  /** The management room {@code alias}, joined, or made when it does not exist yet. */
  private ManagementRoom managementRoom(String alias) {
    String userId = session.me.userId();
    String roomId = ManagementRoom.open(session.client, alias, userId, session.me.serverName(),
        settings.organisers(), settings.conferenceName().isEmpty() ? settings.conferenceId()
            : settings.conferenceName());
    return new ManagementRoom(session.client, userId, roomId, this, settings.timeZone(),
        pollTimeout, LOG::info, cluster.map(c -> c.cursor(Clock.systemUTC()))
            .orElse(SyncCursor.fromNow()));
  }

  /**
   * Elected after the leader died: takes its duties over (the management room from where it got
   * to, the schedule refresh, the jobs of the current version). Retried until it succeeds or
   * this bot is deposed.
   */
  private void takeOver() {
    if (duties.running() || !cluster.orElseThrow().leading()) {
      return;
    }
    try {
      duties.openRoom();
      String summary;
      try {
        summary = versions.lead(runner);
      } catch (RemovalRefusedException e) {
        // Kept as it was; the organisers confirm from the management room, which listens.
        summary = ScheduleVersions.refusal(e);
        duties.notice(summary);
      }
      LOG.info("taking the lead: {}", summary);
      duties.begin();
    } catch (RuntimeException e) {
      LOG.warn("cannot take the lead yet, trying again in 5 s: {}", e.getMessage());
      duties.end();
      duties.later(this::takeOver, Duration.ofSeconds(5));
    }
  }

  /** Every second with other bots: follows a new schedule, handles phases freed by a dead bot. */
  private void tick() {
    try {
      runner.poll();
    } catch (RuntimeException e) {
      LOG.warn("phase tick: {}", e.getMessage());
    }
  }

  /**
   * Before due phases are handled on a follower: takes the schedule its leader follows when it
   * has changed (read from the same source, so both bots run one version).
   */
  private void catchUp() {
    cluster.ifPresent(role -> role.catchUp(() -> versions.adopt(runner)));
  }

  /** The lifecycle runner, once {@link #start} has made it. */
  LifecycleRunner runner() {
    return runner;
  }

  public Optional<String> managementRoomId() {
    return duties.roomId();
  }

  public BotSession session() {
    return session;
  }

  private void tellOrganisers(String line) {
    LOG.warn(line);
    duties.notice(line);
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
      return versions.follow(runner, settings.removalGuard().unless(confirmRemovals));
    } catch (RemovalRefusedException e) {
      return ScheduleVersions.refusal(e);
    }
  }

  /** Where the bot reads its schedule; the web server of the same process shares it. */
  public ScheduleSource scheduleSource() {
    return versions.source();
  }

  /** @throws IllegalArgumentException for an unknown track, with the known ones */
  @Override
  public String verify(Optional<String> track) {
    DesiredConference desired = runner.desiredNow();
    return session.verifier().verify(desired, BotSession.seats(runner.policy(),
        runner.lifecycle().conference(), desired), reconciler.observe(desired).rooms(), track).render();
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
    duties.close();
    ticker.shutdownNow();
    if (runner != null) {
      runner.stopNow();
    }
  }

  @Override
  public void close() {
    duties.close();
    ticker.shutdownNow();
    if (runner != null) {
      runner.close();
    }
    cluster.ifPresent(ClusterRole::close);
  }
}

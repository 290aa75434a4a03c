package io.usher.app.runtime;

import io.usher.app.config.BadInputException;
import io.usher.app.config.Settings;
import io.usher.apply.Announcer;
import io.usher.apply.MembershipReader;
import io.usher.apply.Reconciler;
import io.usher.apply.Verifier;
import io.usher.commands.BotControl;
import io.usher.commands.ManagementRoom;
import io.usher.commands.SyncCursor;
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
import java.util.concurrent.ScheduledFuture;
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
  /** With other bots: asks the runner every second whether a phase another bot held is free. */
  private final ScheduledExecutorService ticker = DaemonThreads.scheduler("usher-phase-tick");
  /** Set when {@code scheduler.store} is: this bot is one of several. */
  private final Optional<ClusterRole> cluster;
  private volatile ScheduledFuture<?> refreshing;
  /** Made by {@link #start}: its Quartz scheduler has threads of its own. */
  private volatile LifecycleRunner runner;
  private volatile Optional<ManagementRoom> room = Optional.empty();
  /** The last refusal told to the organisers, so a refused version is told once, not hourly. */
  private final AtomicReference<String> refusalTold = new AtomicReference<>("");

  private LiveBot(Settings settings, People people, BotSession session,
      Optional<ClusterRole> cluster, Clock clock, Consumer<PhaseOutcome> outcomes,
      Duration pollTimeout) {
    this.settings = settings;
    this.cluster = cluster;
    this.people = people;
    this.session = session;
    this.reconciler = session.reconciler(LOG::debug);
    this.source = Schedules.source(settings);
    this.clock = clock;
    this.outcomes = outcome -> {
      // One line per phase, with this bot's id when there are several: who did what, when.
      LOG.info("phase handled: {} {} {} ms after its time{}", outcome.event().recordId(),
          outcome.status(), outcome.startLateness().toMillis(),
          cluster.map(c -> " by " + c.shared().instanceId()).orElse(""));
      outcomes.accept(outcome);
    };
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
    var conference = Schedules.conference(settings, people, source);
    Announcer announcer = new Announcer(session.client, session.me.userId());
    RunnerSettings runnerSettings = new RunnerSettings(clock, session.policy,
        settings.lifecycle(), settings.parallelism());
    runner = cluster.isEmpty() ? new LifecycleRunner(runnerSettings, reconciler, announcer,
        this::tellOrganisers, LOG::info, outcomes)
        : new LifecycleRunner(runnerSettings, reconciler, announcer, cluster.get().shared(),
            this::catchUp, this::tellOrganisers, LOG::info, outcomes);
    if (cluster.isEmpty() || awaitLeader(cluster.get())) {
      lead(conference, confirmRemovals);
    } else {
      runner.startFollowing(conference);
    }
    cluster.ifPresent(this::watch);
    LifecycleStatus status = runner.status();
    LOG.info("running {} as {}: {} rooms, {} phases scheduled", settings.conferenceId(), role(),
        status.rooms(), status.scheduledJobs());
  }

  /**
   * Whether this bot leads; a follower returns once a leader has made the rooms (a first start
   * of two bots at once: the follower reads the rooms after the leader made them).
   */
  private static boolean awaitLeader(ClusterRole role) {
    boolean leads = role.tryToLead();
    while (!leads && !role.leaderHasStarted()) {
      try {
        Thread.sleep(Leadership.TRY_EVERY.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the leader", e);
      }
      leads = role.tryToLead();
    }
    return leads;
  }

  /** The one bot, or the leader at start: reconciles, catches up, opens the management room. */
  private void lead(Conference conference, boolean confirmRemovals) {
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
    cluster.ifPresent(ClusterRole::published);
    room.ifPresent(ManagementRoom::start);
    scheduleRefresh();
  }

  private void scheduleRefresh() {
    long every = settings.refreshEvery().toMillis();
    refreshing = refresher.scheduleWithFixedDelay(this::refreshQuietly, every, every,
        TimeUnit.MILLISECONDS);
  }

  private void watch(ClusterRole role) {
    role.watch(new Leadership.Listener() {
      @Override
      public void elected() {
        refresher.execute(LiveBot.this::takeOver);
      }

      @Override
      public void deposed() {
        refresher.execute(LiveBot.this::stepDown);
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
    if (refreshing != null || !cluster.orElseThrow().leading()) {
      return;
    }
    try {
      room = settings.managementRoom().map(this::managementRoom);
      Reload reload = reload();
      LOG.info("taking the lead: {}", changing(() -> runner.lead(reload.conference(),
          reload.policy(), settings.removalGuard())));
      room.ifPresent(ManagementRoom::start);
      scheduleRefresh();
    } catch (RemovalRefusedException e) {
      tellOrganisers(refusal(e));
      scheduleRefresh();
    } catch (RuntimeException e) {
      LOG.warn("cannot take the lead yet, trying again in 5 s: {}", e.getMessage());
      room.ifPresent(ManagementRoom::close);
      room = Optional.empty();
      refresher.schedule(this::takeOver, 5, TimeUnit.SECONDS);
    }
  }

  /** Deposed (the database cannot be reached, or another bot leads): stops the duties. */
  private void stepDown() {
    if (refreshing != null) {
      refreshing.cancel(false);
      refreshing = null;
    }
    room.ifPresent(ManagementRoom::close);
    room = Optional.empty();
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
    cluster.ifPresent(role -> role.catchUp(() -> {
      Reload reload = reload();
      runner.adopt(reload.conference(), reload.policy());
      LOG.info("following the leader's new schedule");
    }));
  }

  /**
   * Runs a change of the schedule and, when the version followed changed, tells the other bots.
   */
  private String changing(java.util.function.Supplier<String> change) {
    Conference before = runner.lifecycle().conference();
    Policy policyBefore = runner.policy();
    try {
      return change.get();
    } finally {
      if (!before.equals(runner.lifecycle().conference())
          || !policyBefore.equals(runner.policy())) {
        cluster.ifPresent(ClusterRole::published);
      }
    }
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
    return changing(() -> runner.refresh(reload.conference(), reload.policy(), removals));
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
    ticker.shutdownNow();
    room.ifPresent(ManagementRoom::close);
    if (runner != null) {
      runner.stopNow();
    }
  }

  @Override
  public void close() {
    refresher.shutdownNow();
    ticker.shutdownNow();
    room.ifPresent(ManagementRoom::close);
    if (runner != null) {
      runner.close();
    }
    cluster.ifPresent(ClusterRole::close);
  }
}

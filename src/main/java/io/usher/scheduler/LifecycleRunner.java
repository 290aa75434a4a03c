package io.usher.scheduler;

import io.usher.apply.Announcer;
import io.usher.apply.ApplyResult;
import io.usher.apply.Reconciler;
import io.usher.apply.Snapshot;
import io.usher.lifecycle.Lifecycle;
import io.usher.lifecycle.LifecycleStatus;
import io.usher.lifecycle.PhaseEvent;
import io.usher.lifecycle.UpcomingPhase;
import io.usher.plan.DesiredConference;
import io.usher.plan.DesiredState;
import io.usher.plan.Policy;
import io.usher.plan.RoomKey;
import io.usher.plan.diff.RemovalGuard;
import io.usher.plan.diff.RemovalRefusedException;
import io.usher.schedule.Conference;
import io.usher.schedule.ScheduleDiff;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Moves every talk through its phases on time. Quartz wakes it at each phase's instant; it then
 * handles every phase that is due and not yet handled, in order: the rooms the phase changes are
 * reconciled to the desired state for now, then its announcements are posted once and recorded
 * on the homeserver ({@link Announcer}). Phases of different tracks run in parallel, a track's in
 * order. At start, and after a schedule change, the whole conference is reconciled first, so a
 * talk that ended while the bot was down is a hallway at once; announcements missed by more than
 * the grace are skipped, not posted late: the log has each, the organisers one notice per
 * catch-up. Lateness is measured as {@link ScaledClock#lateness} does, so a rehearsal's speed
 * does not multiply the bot's start-up.
 */
public final class LifecycleRunner implements AutoCloseable {
  private final RunnerSettings settings;
  /** The policy in force: the settings' at start, replaced when a refresh brings a new one. */
  private volatile Policy policy;
  private final Reconciler reconciler;
  private final Announcer announcer;
  private final PhaseHandler phases;
  private final Consumer<String> operatorLog;
  private final Consumer<PhaseOutcome> outcomes;
  private final QuartzTimer timer;
  private final Runnable beforeDue;
  private final TrackLanes lanes;
  private final ReentrantLock lock = new ReentrantLock();
  private final PhaseLedger ledger;
  private final RecentErrors errors = new RecentErrors(20);
  private volatile Lifecycle lifecycle;
  private volatile boolean paused;

  /**
   * @param operatorLog receives lines an organiser should see (errors, one summary per catch-up
   *     of the announcements skipped): the log and the management room
   * @param log receives lines for the log alone: each skipped announcement
   * @param outcomes receives every handled phase
   */
  public LifecycleRunner(RunnerSettings settings, Reconciler reconciler, Announcer announcer,
      Consumer<String> operatorLog, Consumer<String> log, Consumer<PhaseOutcome> outcomes) {
    this(settings, reconciler, announcer, Coordination.alone(), () -> { }, operatorLog, log,
        outcomes);
  }

  /**
   * One of several bots of a conference.
   *
   * @param coordination how it shares the phases with the other bots
   * @param beforeDue run before phases that fell due are handled, under the runner's lock: a
   *     follower catches up with the schedule its leader follows ({@link #adopt})
   */
  public LifecycleRunner(RunnerSettings settings, Reconciler reconciler, Announcer announcer,
      Coordination coordination, Runnable beforeDue, Consumer<String> operatorLog,
      Consumer<String> log, Consumer<PhaseOutcome> outcomes) {
    this.settings = settings;
    this.ledger = new PhaseLedger(coordination, this::error);
    this.beforeDue = beforeDue;
    this.policy = settings.policy();
    this.reconciler = reconciler;
    this.announcer = announcer;
    this.operatorLog = operatorLog;
    this.outcomes = outcomes;
    this.phases = new PhaseHandler(reconciler, announcer, settings.clock(), settings.lifecycle(),
        log, this::error);
    this.timer = new QuartzTimer(settings.policy().conferenceId(), settings.clock(), this::runDue,
        coordination);
    this.lanes = new TrackLanes(settings.parallelism(), phases, ledger, outcomes, this::error);
  }

  /**
   * Reads the homeserver, reconciles the conference, catches up and starts the timer.
   *
   * @param removals how many open talk rooms (of talks gone since the last run) it may close
   * @throws RemovalRefusedException when it would close more; nothing is changed or scheduled
   */
  public void start(Conference conference, RemovalGuard removals) {
    begin(conference, Optional.of(removals));
  }

  /**
   * Starts as a follower: reads the homeserver (room ids and records), handles what is due and
   * fires the jobs its leader schedules. It changes no room but the phases it claims.
   */
  public void startFollowing(Conference conference) {
    begin(conference, Optional.empty());
  }

  /** The one start: a leader ({@code removals} present) reconciles and makes the jobs. */
  private void begin(Conference conference, Optional<RemovalGuard> removals) {
    lock.lock();
    try {
      use(conference);
      readRooms();
      removals.ifPresent(guard -> phases.report(reconciler.reconcileAsRead(desiredNow(), guard)
          .result()));
      handleDue(now());
      timer.start(removals.map(guard -> pending()));
    } finally {
      lock.unlock();
    }
  }

  /**
   * Becomes the leader: follows {@code next} as {@link #refresh} does, then makes the jobs this
   * version's phases (the previous leader may have died halfway through a change).
   *
   * @return {@link #refresh}'s summary
   * @throws RemovalRefusedException as {@link #refresh} does; the jobs are made all the same
   */
  public String lead(Conference next, Policy nextPolicy, RemovalGuard removals) {
    lock.lock();
    try {
      try {
        return refresh(next, nextPolicy, removals);
      } finally {
        timer.sync(pending());
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * A follower takes the version of the schedule its leader has applied: no notice, no room
   * change and no job change (the leader made them); the rooms are read again.
   */
  public void adopt(Conference next, Policy nextPolicy) {
    lock.lock();
    try {
      policy = nextPolicy;
      use(next);
      // The leader may have made rooms for the new version: read them, with their records.
      readRooms();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Takes a new version of the schedule and a new policy (a reloaded people file): tells the
   * rooms of talks moved or cancelled after they were announced, reconciles the rooms whose
   * desired state changed (each read first, so a change costs a few requests, not a read of
   * every room; a cancelled talk's room is closed) and moves, adds or removes jobs.
   *
   * @param removals how many of the current version's talks {@code next} may remove
   * @return a one-line summary
   * @throws RemovalRefusedException when {@code next} removes more; the current version stays
   */
  public String refresh(Conference next, Policy nextPolicy, RemovalGuard removals) {
    lock.lock();
    try {
      Lifecycle before = lifecycle;
      if (next.equals(before.conference()) && nextPolicy.equals(policy)) {
        return "schedule unchanged";
      }
      removals.require(ScheduleDiff.removed(before.conference(), next).size(),
          before.conference().talks().size());
      DesiredConference was = desiredNow();
      policy = nextPolicy;
      use(next);
      int notices = new ChangeNotices(settings.clock(), ledger::isHandled)
          .post(before, lifecycle, phases::postReporting);
      DesiredConference now = desiredNow();
      Set<RoomKey> changed = now.changedSince(was);
      ApplyResult result = reconciler.reconcileRooms(now, changed);
      phases.report(result);
      handleDue(now());
      timer.sync(pending());
      return "schedule changed: " + notices + " change notices, " + changed.size()
          + " rooms to update, " + result.actions() + " actions, " + result.failures().size()
          + " failed";
    } finally {
      lock.unlock();
    }
  }

  /**
   * Reads every room and reconciles it with the desired state for now; returns a one-line
   * summary. Throws {@link RemovalRefusedException}, changing nothing, when that would close
   * more talk rooms than {@code removals} allows.
   */
  public String reconcileAll(RemovalGuard removals) {
    lock.lock();
    try {
      Reconciler.Outcome outcome = reconciler.reconcileAll(desiredNow(), removals);
      phases.report(outcome.result());
      return outcome.summary();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Handles what is due now: with other bots, asked every second, so a phase a dead bot held
   * is taken over as soon as the cluster has given it up.
   */
  public void poll() {
    runDue(Instant.EPOCH);
  }

  /** Called by the timer: handles what is due, treating {@code firedFor} as reached. */
  void runDue(Instant firedFor) {
    lock.lock();
    try {
      Instant now = now();
      handleDue(now.isBefore(firedFor) ? firedFor : now);
    } finally {
      lock.unlock();
    }
  }

  private void handleDue(Instant now) {
    if (paused || due(now).isEmpty()) {
      return;
    }
    beforeDue.run();
    if (ledger.pausedElsewhere()) {
      return;
    }
    List<PhaseEvent> due = ledger.claim(due(now));
    if (due.isEmpty()) {
      return;
    }
    Lifecycle current = lifecycle;
    List<PhaseEvent> skipped = lanes.handle(due, current,
        DesiredState.of(current.conference(), policy, now));
    SkippedPhases.notice(skipped, current, settings.lifecycle().grace()).ifPresent(operatorLog);
  }

  private List<PhaseEvent> due(Instant now) {
    return ledger.due(lifecycle, now);
  }

  /** Reads every room: their ids, and the announcements already posted in them. */
  private void readRooms() {
    Snapshot snapshot = reconciler.observe(desiredNow());
    announcer.load(snapshot);
    ledger.handledAlready(snapshot.announced());
  }

  private void error(String message) {
    errors.add(now() + " " + message);
    operatorLog.accept("Error: " + message);
  }

  private void use(Conference conference) {
    Instant now = now();
    lifecycle = new Lifecycle(conference, DesiredState.of(conference, policy, now), policy,
        settings.lifecycle(), settings.rehearsal());
  }

  /** The desired state of the current schedule at the clock's now. */
  public DesiredConference desiredNow() {
    return DesiredState.of(lifecycle.conference(), policy, now());
  }

  private Instant now() {
    return settings.clock().instant();
  }

  private List<PhaseEvent> pending() {
    return ledger.pending(lifecycle);
  }

  /** Stops handling phases until {@link #resume()}; jobs keep their times. */
  public void pause() {
    paused = true;
    ledger.pauseAll(true);
  }

  /** Handles at once what fell due while paused (within the grace), then goes on. */
  public void resume() {
    paused = false;
    ledger.pauseAll(false);
    runDue(Instant.EPOCH);
  }

  /** The phases not yet handled, soonest first, of tracks whose id or name contains the filter. */
  public List<UpcomingPhase> upcoming(Optional<String> track, int limit) {
    Lifecycle current = lifecycle;
    return pending().stream()
        .map(e -> new UpcomingPhase(e, current.talk(e.talk()).orElseThrow()))
        .filter(u -> track.map(u::inTrackMatching).orElse(true))
        .limit(limit).toList();
  }

  public LifecycleStatus status() {
    return new LifecycleStatus(lifecycle.conference().source(), reconciler.roomCount(),
        timer.jobCount(), paused, ledger.size(), upcoming(Optional.empty(), 5), errors.last(5));
  }

  /** The policy in force. */
  public Policy policy() {
    return policy;
  }

  public Lifecycle lifecycle() {
    return lifecycle;
  }

  /**
   * Stops at once: the timer fires nothing more and the tracks' threads are interrupted, so no
   * further phase is started; a request in flight may still complete, as in a crash.
   */
  public void stopNow() {
    timer.shutdown(false);
    lanes.stopNow();
  }

  /** Stops the timer after the running phase. */
  @Override
  public void close() {
    timer.shutdown(true);
    lanes.close();
    ledger.release();
  }
}

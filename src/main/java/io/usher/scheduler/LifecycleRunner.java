package io.usher.scheduler;

import io.usher.apply.Announcer;
import io.usher.apply.ApplyResult;
import io.usher.apply.Reconciler;
import io.usher.apply.Snapshot;
import io.usher.lifecycle.Announcement;
import io.usher.lifecycle.Lifecycle;
import io.usher.lifecycle.LifecycleStatus;
import io.usher.lifecycle.PhaseEvent;
import io.usher.lifecycle.UpcomingPhase;
import io.usher.plan.DesiredConference;
import io.usher.plan.DesiredRoom;
import io.usher.plan.DesiredState;
import io.usher.plan.Policy;
import io.usher.plan.RoomKey;
import io.usher.plan.diff.ObservedConference;
import io.usher.plan.diff.ObservedRoom;
import io.usher.plan.diff.Plan;
import io.usher.schedule.Conference;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Moves every talk through its phases on time. Quartz wakes it at each phase's instant; it then
 * handles every phase that is due and not yet handled, in order: the rooms the phase changes are
 * reconciled to the desired state for now, then its announcements are posted once and recorded
 * on the homeserver ({@link Announcer}). Phases of different tracks run in parallel, a track's in
 * order. At start, and after a schedule change, the whole conference is reconciled first, so a
 * talk that ended while the bot was down is a hallway at once; announcements missed by more than
 * the grace are skipped and reported, not posted late.
 */
public final class LifecycleRunner implements AutoCloseable {
  private final RunnerSettings settings;
  /** The policy in force: the settings' at start, replaced when a refresh brings a new one. */
  private volatile Policy policy;
  private final Reconciler reconciler;
  private final Announcer announcer;
  private final Consumer<String> operatorLog;
  private final Consumer<PhaseOutcome> outcomes;
  private final QuartzTimer timer;
  private final ExecutorService tracks;
  private final ReentrantLock lock = new ReentrantLock();
  private final Set<String> handled = ConcurrentHashMap.newKeySet();
  private final RecentErrors errors = new RecentErrors(20);
  private volatile Lifecycle lifecycle;
  private volatile List<PhaseEvent> phases = List.of();
  private volatile ObservedConference known = ObservedConference.empty();
  private volatile boolean paused;
  private volatile boolean killed;

  /**
   * @param operatorLog receives lines an organiser should see (skipped announcements, errors):
   *     the log and the management room
   * @param outcomes receives every handled phase
   */
  public LifecycleRunner(RunnerSettings settings, Reconciler reconciler, Announcer announcer,
      Consumer<String> operatorLog, Consumer<PhaseOutcome> outcomes) {
    this.settings = settings;
    this.policy = settings.policy();
    this.reconciler = reconciler;
    this.announcer = announcer;
    this.operatorLog = operatorLog;
    this.outcomes = outcomes;
    this.timer = new QuartzTimer(settings.policy().conferenceId(), settings.clock(), this::runDue);
    this.tracks = Executors.newFixedThreadPool(Math.max(1, settings.parallelism()));
  }

  /** Reads the homeserver, reconciles the conference, catches up and starts the timer. */
  public void start(Conference conference) {
    lock.lock();
    try {
      use(conference);
      Snapshot snapshot = reconciler.observe();
      announcer.load(snapshot);
      handled.addAll(snapshot.announced());
      reconcile(snapshot.rooms());
      handleDue(now());
      timer.sync(pending());
      timer.start();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Takes a new version of the schedule: tells the rooms of talks moved or cancelled after they
   * were announced, reconciles the rooms whose desired state changed (each read first, so a
   * change costs a few requests, not a read of every room) and moves, adds or removes jobs.
   * Rooms of talks no longer in the schedule are left alone.
   *
   * @return a one-line summary
   */
  public String refresh(Conference next) {
    return refresh(next, policy);
  }

  /**
   * Follows a new schedule and a new policy (a reloaded people file): the rooms whose desired
   * state changed are reconciled, moved talks' jobs move, announced talks get change notices.
   */
  public String refresh(Conference next, Policy nextPolicy) {
    lock.lock();
    try {
      if (next.equals(lifecycle.conference()) && nextPolicy.equals(policy)) {
        return "schedule unchanged";
      }
      Lifecycle before = lifecycle;
      DesiredConference was = desiredNow();
      policy = nextPolicy;
      use(next);
      int notices = new ChangeNotices(settings.clock(), handled::contains)
          .post(before, lifecycle, this::postReporting);
      DesiredConference now = desiredNow();
      Map<RoomKey, DesiredRoom> old = was.byKey();
      Set<RoomKey> changed = new HashSet<>();
      now.rooms().stream().filter(room -> !room.equals(old.get(room.key())))
          .forEach(room -> changed.add(room.key()));
      ApplyResult result = reconciler.reconcileRooms(now, changed, known);
      report(result);
      known = withCreated(known, result);
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
   * summary.
   */
  public String reconcileAll() {
    lock.lock();
    try {
      return reconcile(reconciler.observe().rooms());
    } finally {
      lock.unlock();
    }
  }

  /**
   * Reconciles against a fresh reading. Afterwards {@link #known} serves for room ids only: the
   * rooms a phase changes are read again before they are planned.
   */
  private String reconcile(ObservedConference observed) {
    Plan plan = reconciler.plan(desiredNow(), observed);
    ApplyResult result = reconciler.apply(plan, observed);
    report(result);
    known = withCreated(observed, result);
    return plan.actions().size() + " actions, " + result.roomsCreated() + " rooms created, "
        + result.failures().size() + " failed";
  }

  private static ObservedConference withCreated(ObservedConference observed, ApplyResult result) {
    List<ObservedRoom> created = new ArrayList<>();
    result.created().forEach((key, id) -> created.add(new ObservedRoom(key, id, Map.of())));
    return created.isEmpty() ? observed : observed.with(created);
  }

  /** What {@code apply} would do now, against a fresh read of the homeserver. */
  public Plan plan() {
    return reconciler.plan(desiredNow(), reconciler.observe().rooms());
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
    if (paused || killed) {
      return;
    }
    List<PhaseEvent> due = phases.stream()
        .filter(e -> !e.at().isAfter(now) && !handled.contains(e.recordId())).toList();
    if (due.isEmpty()) {
      return;
    }
    DesiredConference desired = DesiredState.of(lifecycle.conference(), policy, now);
    Map<String, List<PhaseEvent>> byTrack = new LinkedHashMap<>();
    due.forEach(e -> byTrack.computeIfAbsent(e.trackId(), t -> new ArrayList<>()).add(e));
    List<Future<?>> running = new ArrayList<>();
    byTrack.values().forEach(events -> running.add(tracks.submit(
        () -> events.forEach(e -> handle(e, desired)))));
    for (Future<?> future : running) {
      try {
        future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException e) {
        error("unexpected error in a phase: " + e.getCause());
      }
    }
  }

  private void handle(PhaseEvent event, DesiredConference desired) {
    Instant started = now();
    String status = "failed";
    try {
      Set<RoomKey> changed = lifecycle.roomsChangedBy(event);
      if (!changed.isEmpty()) {
        alive();
        ApplyResult result = reconciler.reconcileRooms(desired, changed, known);
        report(result);
        known = withCreated(known, result);
      }
      Duration late = Duration.between(event.at(), started);
      if (late.compareTo(settings.lifecycle().grace()) > 0) {
        status = "skipped";
        operatorLog.accept("Skipped the " + describe(event) + ": it was due at " + event.at()
            + ", " + minutes(late) + " ago, more than the grace of "
            + minutes(settings.lifecycle().grace()));
      } else {
        for (Announcement announcement : lifecycle.announcements(event)) {
          post(announcement);
        }
        status = "sent";
      }
      alive();
      String recorded = status;
      roomId(lifecycle.talkRoom(event.talk())).ifPresent(
          room -> announcer.record(room, event.recordId(), recorded, now()));
    } catch (RuntimeException e) {
      if (killed) {
        return;
      }
      status = "failed";
      error(describe(event) + ": " + e.getMessage());
    }
    handled.add(event.recordId());
    outcomes.accept(new PhaseOutcome(event, started, now(), status));
  }

  private void post(Announcement announcement) {
    alive();
    String roomId = roomId(announcement.room()).orElseThrow(() -> new IllegalStateException(
        announcement.room() + " does not exist on the homeserver"));
    announcer.post(announcement, roomId);
  }

  private void postReporting(Announcement announcement) {
    try {
      post(announcement);
    } catch (RuntimeException e) {
      error("notice in " + announcement.room() + ": " + e.getMessage());
    }
  }

  /** Stands for a killed process: nothing more reaches the homeserver. */
  private void alive() {
    if (killed) {
      throw new IllegalStateException("killed");
    }
  }

  private Optional<String> roomId(RoomKey key) {
    return known.room(key).map(ObservedRoom::roomId);
  }

  private String describe(PhaseEvent event) {
    String title = lifecycle.talk(event.talk()).map(t -> "“" + t.title() + "”").orElse("");
    return event.phase().id().replace('_', ' ') + " of talk " + event.talk() + " " + title;
  }

  private static String minutes(Duration duration) {
    long seconds = duration.toSeconds();
    return seconds < 120 ? seconds + " s" : seconds / 60 + " min";
  }

  private void report(ApplyResult result) {
    result.failures().forEach(this::error);
  }

  private void error(String message) {
    errors.add(now() + " " + message);
    operatorLog.accept("Error: " + message);
  }

  private void use(Conference conference) {
    Instant now = now();
    lifecycle = new Lifecycle(conference,
        DesiredState.of(conference, policy, now), policy,
        settings.lifecycle());
    phases = lifecycle.phases();
  }

  /** The desired state of the current schedule at the clock's now. */
  public DesiredConference desiredNow() {
    return DesiredState.of(lifecycle.conference(), policy, now());
  }

  private Instant now() {
    return settings.clock().instant();
  }

  private List<PhaseEvent> pending() {
    return phases.stream().filter(e -> !handled.contains(e.recordId())).toList();
  }

  /** Stops handling phases until {@link #resume()}; jobs keep their times. */
  public void pause() {
    paused = true;
  }

  /** Handles at once what fell due while paused (within the grace), then goes on. */
  public void resume() {
    paused = false;
    runDue(Instant.EPOCH);
  }

  /** The phases not yet handled, soonest first, of tracks whose id or name contains the filter. */
  public List<UpcomingPhase> upcoming(Optional<String> track, int limit) {
    Lifecycle current = lifecycle;
    return pending().stream()
        .map(e -> new UpcomingPhase(e, current.talk(e.talk()).orElseThrow()))
        .filter(u -> track.map(t -> matches(u, t)).orElse(true))
        .limit(limit).toList();
  }

  private static boolean matches(UpcomingPhase upcoming, String filter) {
    String f = filter.toLowerCase(java.util.Locale.ROOT);
    return upcoming.event().trackId().contains(f)
        || upcoming.talk().track().toLowerCase(java.util.Locale.ROOT).contains(f);
  }

  public LifecycleStatus status() {
    return new LifecycleStatus(lifecycle.conference().source(), known.rooms().size(),
        timer.jobCount(), paused, handled.size(), upcoming(Optional.empty(), 5), errors.last(5));
  }

  /** Whether a Quartz job is scheduled for this phase's talk and phase. */
  public boolean isScheduled(PhaseEvent event) {
    return timer.hasJob(event.jobName());
  }

  /** The policy in force. */
  public Policy policy() {
    return policy;
  }

  public Lifecycle lifecycle() {
    return lifecycle;
  }

  /** Stops at once, as a crash would: no job finishes, nothing more is sent. For tests. */
  public void kill() {
    killed = true;
    timer.shutdown(false);
    tracks.shutdownNow();
  }

  /** Stops the timer after the running phase. */
  @Override
  public void close() {
    timer.shutdown(true);
    tracks.shutdown();
  }
}

package io.usher.apply;

import io.usher.plan.DesiredConference;
import io.usher.plan.DesiredRoom;
import io.usher.plan.RoomKey;
import io.usher.plan.RoomKind;
import io.usher.plan.diff.ObservedConference;
import io.usher.plan.diff.ObservedRoom;
import io.usher.plan.diff.Plan;
import io.usher.plan.diff.Planner;
import io.usher.plan.diff.RemovalGuard;
import io.usher.plan.diff.RemovalRefusedException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one owner of the observed state: the room ids and state Usher last read of its
 * conference's rooms. It reads the homeserver (one filtered {@code /sync} for every room, one
 * {@code GET /rooms/{roomId}/state} per room for a few), plans against what it read and executes
 * the plan, and is the only place that reading is kept and updated; callers (the command line,
 * the scheduler, the management room) ask it and keep no copy.
 *
 * <p>Safe to call from several threads at once (the scheduler reconciles tracks in parallel):
 * each call plans against a consistent reading, and the rooms a call creates are added to the
 * reading under a lock, so no call loses another's room ids. A caller that must not reconcile
 * one room twice at once (one track's phases) orders its own calls.
 */
public final class Reconciler {
  private final ObservedStateReader reader;
  private final Planner planner;
  private final PlanExecutor executor;
  private final String conferenceId;
  private final Object lock = new Object();
  /** Guarded by {@link #lock}: replaced by a full read, grown by each call's new rooms. */
  private ObservedConference observed = ObservedConference.empty();

  /**
   * Starts knowing no room: the first {@link #observe()} or reconcile reads the homeserver.
   *
   * @param conferenceId the conference whose rooms (by their locator) are read and managed
   */
  public Reconciler(ObservedStateReader reader, Planner planner, PlanExecutor executor,
      String conferenceId) {
    this.reader = reader;
    this.planner = planner;
    this.executor = executor;
    this.conferenceId = conferenceId;
  }

  /**
   * Reads every managed room and the announcement records with one {@code /sync}, and keeps the
   * reading.
   *
   * @throws io.usher.matrix.MatrixException when the homeserver cannot be read
   */
  public Snapshot observe() {
    Snapshot snapshot = reader.snapshot(conferenceId);
    synchronized (lock) {
      observed = snapshot.rooms();
    }
    return snapshot;
  }

  /**
   * {@link #observe()}, made sure to show the rooms of {@code desired} that the room directory
   * already has (see {@link ObservedStateReader#caughtUp}): the few created last (the spaces)
   * are checked when missing, as a process that just applied leaves them.
   *
   * @throws io.usher.matrix.MatrixException when the homeserver cannot be read
   */
  public Snapshot observe(DesiredConference desired) {
    Snapshot first = reader.snapshot(conferenceId);
    List<DesiredRoom> rooms = new ArrayList<>(desired.rooms());
    Collections.reverse(rooms);
    List<String> probes = rooms.stream().filter(room -> first.rooms().room(room.key()).isEmpty())
        .limit(3).map(room -> room.alias(executor.serverName())).toList();
    Snapshot snapshot = reader.caughtUp(first, conferenceId, probes);
    synchronized (lock) {
      observed = snapshot.rooms();
    }
    return snapshot;
  }

  /**
   * What {@code apply} would do now: the plan against a fresh read of every room.
   *
   * @throws io.usher.matrix.MatrixException when the homeserver cannot be read
   */
  public Plan plan(DesiredConference desired) {
    return planner.plan(desired, observe(desired).rooms());
  }

  /**
   * Executes a plan made by {@link #plan} against the last reading; an empty plan sends nothing.
   * A failed action is a line in the result's failures.
   */
  public ApplyResult apply(Plan plan) {
    return execute(plan, reading());
  }

  /**
   * Reads every room and brings it to {@code desired}.
   *
   * @param removals how many talk rooms the plan may close without the organiser's confirmation
   * @throws io.usher.matrix.MatrixException when the homeserver cannot be read; failures of
   *     single actions are in the result instead
   * @throws RemovalRefusedException when the plan closes more talk rooms than {@code removals}
   *     allows; nothing is changed
   */
  public Outcome reconcileAll(DesiredConference desired, RemovalGuard removals) {
    observe(desired);
    return reconcileAsRead(desired, removals);
  }

  /**
   * Brings every room to {@code desired} against the last full reading, reading nothing: for
   * right after {@link #observe()}, so a start costs one {@code /sync}.
   *
   * @throws RemovalRefusedException as {@link #reconcileAll}
   */
  public Outcome reconcileAsRead(DesiredConference desired, RemovalGuard removals) {
    ObservedConference read = reading();
    Plan plan = planner.plan(desired, read);
    removals.require(plan);
    return new Outcome(plan, execute(plan, read));
  }

  /**
   * Brings only the rooms with these keys to {@code desired}, after reading their current state
   * (one request per existing room); a room not read yet is created. Other rooms' ids come from
   * the last reading, for space links. Rooms of talks gone from the schedule are read too, so a
   * room closed since then is not closed again.
   *
   * @throws io.usher.matrix.MatrixException when a room's state cannot be read; failures of
   *     single actions are in the result instead
   */
  public ApplyResult reconcileRooms(DesiredConference desired, Set<RoomKey> keys) {
    ObservedConference known = reading();
    List<ObservedRoom> fresh = new ArrayList<>();
    for (RoomKey key : keys) {
      known.room(key).ifPresent(room -> fresh.add(reader.room(key, room.roomId())));
    }
    Set<String> talks = desired.talkIds();
    known.rooms().stream().filter(room -> room.key().kind() == RoomKind.TALK
            && !keys.contains(room.key()) && !talks.contains(room.key().id())
            && !Planner.isClosed(room))
        .forEach(room -> fresh.add(reader.room(room.key(), room.roomId())));
    ObservedConference current = known.with(fresh);
    return execute(planner.plan(desired.only(keys), current), current);
  }

  /** The room id of a managed room, as last read or created. */
  public Optional<String> roomId(RoomKey key) {
    return reading().room(key).map(ObservedRoom::roomId);
  }

  /** How many managed rooms the last reading holds, with the rooms created since. */
  public int roomCount() {
    return reading().rooms().size();
  }

  private ObservedConference reading() {
    synchronized (lock) {
      return observed;
    }
  }

  /** Executes a plan made against {@code against}; an empty plan sends nothing. */
  private ApplyResult execute(Plan plan, ObservedConference against) {
    if (plan.isEmpty()) {
      return new ApplyResult(0, Map.of(), List.of(), List.of());
    }
    ApplyResult result = executor.execute(plan, against);
    if (result.created().size() > ObservedStateReader.MANY_NEW_ROOMS) {
      reader.forgetReading();
    }
    if (!result.created().isEmpty()) {
      List<ObservedRoom> created = new ArrayList<>();
      result.created().forEach((key, id) -> created.add(new ObservedRoom(key, id, Map.of())));
      synchronized (lock) {
        observed = observed.with(created);
      }
    }
    return result;
  }

  /** A plan and what executing it did. */
  public record Outcome(Plan plan, ApplyResult result) {
    /** One line: actions, rooms created, failures. */
    public String summary() {
      return plan.actions().size() + " actions, " + result.roomsCreated() + " rooms created, "
          + result.failures().size() + " failed";
    }
  }
}

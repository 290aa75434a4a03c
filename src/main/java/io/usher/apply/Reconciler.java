package io.usher.apply;

import io.usher.plan.DesiredConference;
import io.usher.plan.RoomKey;
import io.usher.plan.RoomKind;
import io.usher.plan.diff.ObservedConference;
import io.usher.plan.diff.ObservedRoom;
import io.usher.plan.diff.Plan;
import io.usher.plan.diff.Planner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Brings a conference's rooms, or some of them, to a desired state: read, plan, execute. Used by
 * the long-running bot, which reconciles the rooms a phase changes without reading every room.
 */
public final class Reconciler {
  private final ObservedStateReader reader;
  private final Planner planner;
  private final PlanExecutor executor;
  private final String conferenceId;

  public Reconciler(ObservedStateReader reader, Planner planner, PlanExecutor executor,
      String conferenceId) {
    this.reader = reader;
    this.planner = planner;
    this.executor = executor;
    this.conferenceId = conferenceId;
  }

  /** Every managed room and announcement record, from one {@code /sync}. */
  public Snapshot observe() {
    return reader.snapshot(conferenceId);
  }

  public Plan plan(DesiredConference desired, ObservedConference observed) {
    return planner.plan(desired, observed);
  }

  /** Executes a plan made against {@code observed}; an empty plan sends nothing. */
  public ApplyResult apply(Plan plan, ObservedConference observed) {
    if (plan.isEmpty()) {
      return new ApplyResult(0, Map.of(), List.of(), List.of());
    }
    return executor.execute(plan, observed);
  }

  /**
   * Reconciles only the rooms with these keys, after reading their current state (one request
   * per known room). {@code known} supplies the other rooms' ids for space links; a room it does
   * not know is created.
   */
  public ApplyResult reconcileRooms(DesiredConference desired, Set<RoomKey> keys,
      ObservedConference known) {
    List<ObservedRoom> fresh = new ArrayList<>();
    for (RoomKey key : keys) {
      known.room(key).ifPresent(room -> fresh.add(reader.room(key, room.roomId())));
    }
    // Rooms of talks gone from the schedule get closed once: read them, so a room closed since
    // `known` was read is seen closed and not closed again.
    Set<String> talks = desired.talkIds();
    known.rooms().stream().filter(room -> room.key().kind() == RoomKind.TALK
            && !keys.contains(room.key()) && !talks.contains(room.key().id())
            && !Planner.isClosed(room))
        .forEach(room -> fresh.add(reader.room(room.key(), room.roomId())));
    ObservedConference observed = known.with(fresh);
    return apply(planner.plan(desired.only(keys), observed), observed);
  }
}

package io.usher.plan.diff;

import java.util.List;

/**
 * What it takes to bring the homeserver to the desired state: room creations first (by wave,
 * children before their spaces), then state changes and space links.
 *
 * @param unmanaged rooms with this conference's locator that the schedule no longer has; left
 *     alone
 * @param warnings things an organiser should know that are not actions
 * @param desiredRooms how many rooms the desired state has
 * @param openTalkRooms how many talk rooms were observed open (not closed as cancelled): what
 *     the plan's {@link #closures()} are a share of
 */
public record Plan(String conferenceId, String conferenceName, List<Action> actions,
    List<ObservedRoom> unmanaged, List<String> warnings, int desiredRooms, int openTalkRooms) {

  /** Copies the lists. */
  public Plan {
    actions = List.copyOf(actions);
    unmanaged = List.copyOf(unmanaged);
    warnings = List.copyOf(warnings);
  }

  /** Whether nothing needs doing: the homeserver already has the desired state. */
  public boolean isEmpty() {
    return actions.isEmpty();
  }

  /** The room creations, in the order they run (by wave, children before spaces). */
  public List<Action.CreateRoom> creates() {
    return actions.stream().filter(Action.CreateRoom.class::isInstance)
        .map(Action.CreateRoom.class::cast).toList();
  }

  /** The rooms of cancelled talks this plan closes. */
  public List<Action.CloseRoom> closures() {
    return actions.stream().filter(Action.CloseRoom.class::isInstance)
        .map(Action.CloseRoom.class::cast).toList();
  }

  /** Every action that is not a room creation. */
  public List<Action> updates() {
    return actions.stream().filter(a -> !(a instanceof Action.CreateRoom)).toList();
  }
}

package io.usher.plan.diff;

import io.usher.plan.Invitee;
import io.usher.plan.RoomKind;
import io.usher.plan.diff.Action.CreateRoom;
import io.usher.plan.diff.Action.LinkChild;
import io.usher.plan.diff.Action.LinkParent;
import io.usher.plan.diff.Action.PutState;
import io.usher.plan.diff.Action.UpdatePeople;
import io.usher.plan.people.PeopleRecord;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Renders a plan for an organiser to read before applying it: grouped, counted, then listed. */
public final class PlanPrinter {
  private final int listLimit;

  /** @param listLimit how many lines to list per group before "... and N more" */
  public PlanPrinter(int listLimit) {
    this.listLimit = listLimit;
  }

  /** {@link #print(Plan, RemovalGuard)} with no guard: a removal is shown, never refused. */
  public String print(Plan plan) {
    return print(plan, RemovalGuard.CONFIRMED);
  }

  /**
   * The plan as lines of plain text ending in a newline: a title with the action and room
   * counts, the talks it cancels (and whether {@code guard} refuses that), the warnings, then
   * each group of actions counted and listed up to the limit.
   */
  public String print(Plan plan, RemovalGuard guard) {
    List<String> out = new ArrayList<>();
    String title = "Plan for " + plan.conferenceId() + " (" + plan.conferenceName() + ")";
    if (plan.isEmpty()) {
      out.add(title + ": nothing to do; the homeserver has all " + plan.desiredRooms()
          + " rooms as the schedule wants them.");
    } else {
      out.add(title + ": " + plan.actions().size() + " actions for " + plan.desiredRooms()
          + " rooms");
      removal(plan, guard, out);
      creates(plan.creates(), out);
      updates(plan.updates(), out);
    }
    // Cancelled talks' rooms are closed (an action above) or were closed before.
    plan.unmanaged().stream().filter(room -> room.key().kind() != RoomKind.TALK)
        .forEach(room -> out.add("  ! " + room.key() + " (" + room.roomId()
            + ") is no longer in the schedule; left alone"));
    long closed = plan.unmanaged().stream().filter(Planner::isClosed).count();
    if (closed > 0) {
      out.add("  " + closed + (closed == 1 ? " room" : " rooms")
          + " of cancelled talks closed earlier, left alone");
    }
    plan.warnings().forEach(warning -> out.add("  ! " + warning));
    return String.join("\n", out) + "\n";
  }

  /** Cancelling talks cannot be undone (their rooms get a notice): it comes first, as a destroy. */
  private static void removal(Plan plan, RemovalGuard guard, List<String> out) {
    int closed = plan.closures().size();
    if (closed == 0) {
      return;
    }
    out.add("  !! cancels " + closed + " of " + plan.openTalkRooms() + " talks: their rooms get"
        + " a cancel notice and are closed for good (listed under \"close rooms\" below)");
    guard.refusal(plan).ifPresent(why -> out.add("  !! refused without confirmation: " + why));
  }

  private void creates(List<CreateRoom> creates, List<String> out) {
    if (creates.isEmpty()) {
      return;
    }
    Map<RoomKind, List<CreateRoom>> byKind = new EnumMap<>(RoomKind.class);
    creates.forEach(c -> byKind.computeIfAbsent(c.room().kind(), k -> new ArrayList<>()).add(c));
    out.add("  create " + creates.size() + " rooms: " + byKind.entrySet().stream()
        .map(e -> e.getValue().size() + " " + label(e.getKey(), e.getValue().size()))
        .collect(Collectors.joining(", ")));
    byKind.forEach((kind, list) -> limited(list.stream()
        .map(c -> "    + " + c.room() + "  \"" + c.desired().name() + "\"  #"
            + c.desired().aliasLocalpart())
        .toList(), out));
  }

  private void updates(List<Action> updates, List<String> out) {
    Map<String, List<String>> groups = new TreeMap<>();
    for (Action action : updates) {
      String group;
      String line;
      if (action instanceof PutState put) {
        group = "set " + put.type();
        line = "    ~ " + put.room() + "  " + put.change();
      } else if (action instanceof LinkChild link) {
        group = "link space children (m.space.child)";
        line = "    ~ " + link.room() + " lists " + link.child();
      } else if (action instanceof LinkParent link) {
        group = "link rooms to their space (m.space.parent)";
        line = "    ~ " + link.room() + " in " + link.parent();
      } else if (action instanceof Action.CloseRoom close) {
        group = "close rooms of cancelled talks (a final notice, then left alone)";
        line = "    - " + close.room() + "  \"" + close.name() + "\"";
      } else if (action instanceof Action.ClaimAlias claim) {
        group = "give rooms their alias (m.room.canonical_alias)";
        line = "    ~ " + claim.room() + "  " + claim.alias();
      } else if (action instanceof UpdatePeople people) {
        group = people.invites().isEmpty() && people.powerLevels().isEmpty()
            ? "record who has power and who was invited (" + PeopleRecord.TYPE + ")"
            : "power levels and invites";
        line = "    ~ " + people.room() + "  " + describe(people);
      } else {
        continue;
      }
      groups.computeIfAbsent(group, g -> new ArrayList<>()).add(line);
    }
    groups.forEach((group, lines) -> {
      out.add("  " + group + ": " + lines.size());
      limited(lines, out);
    });
  }

  private static String describe(UpdatePeople people) {
    List<String> parts = new ArrayList<>();
    if (!people.powerChange().isEmpty()) {
      parts.add("power: " + people.powerChange());
    }
    if (!people.invites().isEmpty()) {
      parts.add("invite " + people.invites().stream().map(Invitee::toString)
          .collect(Collectors.joining(", ")));
    }
    return parts.isEmpty() ? "record" : String.join("; ", parts);
  }

  private void limited(List<String> lines, List<String> out) {
    lines.stream().limit(listLimit).forEach(out::add);
    if (lines.size() > listLimit) {
      out.add("      ... and " + (lines.size() - listLimit) + " more");
    }
  }

  private static String label(RoomKind kind, int count) {
    String one = switch (kind) {
      case CONFERENCE_SPACE -> "conference space";
      case SUBSPACE -> "subspace";
      case TRACK_SPACE -> "track space";
      case TRACK -> "track room";
      case BACKSTAGE -> "backstage";
      case TALK -> "talk room";
      case STAFF_SPACE -> "staff space";
    };
    return count == 1 ? one : one + "s";
  }
}

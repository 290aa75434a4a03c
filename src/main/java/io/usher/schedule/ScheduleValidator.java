package io.usher.schedule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Checks a parsed conference for errors that make it unusable, whatever the source format. */
public final class ScheduleValidator {
  /** The most UTF-8 bytes a talk's text field may have: see {@link FieldSizes}. */
  public static final int MAX_FIELD_BYTES = FieldSizes.MAX_FIELD_BYTES;
  /** A talk longer than this is suspicious (a typo in its duration, hours for minutes). */
  static final Duration PLAUSIBLE_DURATION = Duration.ofHours(24);

  /**
   * Returns the conference when it is valid; as {@link #validate(Conference, String)} with a
   * description of an event that fits any format.
   */
  public Conference validate(Conference conference) throws ScheduleException {
    return validate(conference, "event");
  }

  /**
   * Returns the conference when it is valid.
   *
   * @param expectedEvent what an event is in the source's format ({@code <event> in a <room> of a
   *     <day>}, {@code VEVENT}), for the message refusing a schedule without one
   * @throws ScheduleException for a schedule with no talks (at the source, without a line: a
   *     talk room for each talk that is gone would be closed, so an empty or mis-shaped export
   *     must never pass for a conference without talks), and listing duplicate talk ids,
   *     non-positive durations, talks with no title or no room, and text fields too long for
   *     any Matrix event ({@link #MAX_FIELD_BYTES})
   */
  public Conference validate(Conference conference, String expectedEvent)
      throws ScheduleException {
    if (conference.talks().isEmpty()) {
      throw new ScheduleException(new SourceLocation(conference.source(), 0), "no events found"
          + cancelled(conference) + ": expected at least one " + expectedEvent);
    }
    List<ScheduleProblem> problems = new ArrayList<>();
    Map<TalkId, Talk> seen = new HashMap<>();
    for (Talk talk : conference.talks()) {
      Talk first = seen.putIfAbsent(talk.id(), talk);
      if (first != null) {
        problems.add(problem(talk, "duplicate event id " + talk.id()
            + " (first defined at " + first.location() + ")"));
      }
      check(talk, problems);
    }
    if (!problems.isEmpty()) {
      throw new ScheduleException(problems);
    }
    return conference;
  }

  private static void check(Talk talk, List<ScheduleProblem> problems) {
    if (talk.duration().isNegative() || talk.duration().isZero()) {
      problems.add(problem(talk, "event " + talk.id() + ": duration must be positive, got "
          + talk.duration().toMinutes() + " min"));
    }
    if (talk.title().isEmpty()) {
      problems.add(problem(talk, "event " + talk.id() + ": missing <title>"));
    }
    if (talk.room().isEmpty()) {
      problems.add(problem(talk, "event " + talk.id() + ": missing <room>"));
    }
    FieldSizes.check(talk, problems::add);
  }

  /**
   * What is suspicious but usable, one problem each: events overlapping in one room, persons
   * without a name (they show as their id), and talks longer than a day (their duration is
   * likely a typo; the room stays private for all of it).
   */
  public List<ScheduleProblem> warnings(Conference conference) {
    List<ScheduleProblem> warnings = new ArrayList<>();
    Map<String, List<Talk>> byRoom = new TreeMap<>();
    conference.talks().forEach(t -> byRoom.computeIfAbsent(t.room(), r -> new ArrayList<>()).add(t));
    byRoom.forEach((room, talks) -> {
      List<Talk> sorted = talks.stream().sorted(Comparator.comparing(Talk::start))
          .toList();
      for (int i = 1; i < sorted.size(); i++) {
        Talk before = sorted.get(i - 1);
        Talk talk = sorted.get(i);
        if (talk.start().isBefore(before.end())) {
          warnings.add(problem(talk, "event " + talk.id() + " overlaps event " + before.id()
              + " in room " + room + " by " + Duration.between(talk.start(),
              before.end()).toMinutes() + " min"));
        }
      }
    });
    for (Talk talk : conference.talks()) {
      if (talk.duration().compareTo(PLAUSIBLE_DURATION) > 0) {
        warnings.add(problem(talk, "event " + talk.id() + " lasts " + talk.duration().toHours()
            + " h " + talk.duration().toMinutesPart() + " min, more than "
            + PLAUSIBLE_DURATION.toHours() + " h: is its duration right?"));
      }
      talk.persons().stream().filter(p -> p.name().isEmpty()).forEach(p -> warnings.add(
          problem(talk, "event " + talk.id() + ": person " + p.id().value() + " has no name")));
    }
    return warnings;
  }

  private static String cancelled(Conference conference) {
    int skipped = conference.notes().size();
    return switch (skipped) {
      case 0 -> "";
      case 1 -> " (1 cancelled event skipped)";
      default -> " (" + skipped + " cancelled events skipped)";
    };
  }

  private static ScheduleProblem problem(Talk talk, String message) {
    return new ScheduleProblem(talk.location(), message);
  }
}

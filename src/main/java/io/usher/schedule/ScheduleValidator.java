package io.usher.schedule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks a parsed conference for errors that make it unusable, whatever the source format. */
public final class ScheduleValidator {

  /**
   * Returns the conference when it is valid.
   *
   * @throws ScheduleException listing duplicate talk ids, non-positive durations and talks with no
   *     title or no room
   */
  public Conference validate(Conference conference) throws ScheduleException {
    List<ScheduleProblem> problems = new ArrayList<>();
    Map<TalkId, Talk> seen = new HashMap<>();
    for (Talk talk : conference.talks()) {
      Talk first = seen.putIfAbsent(talk.id(), talk);
      if (first != null) {
        problems.add(problem(talk, "duplicate event id " + talk.id()
            + " (first defined at " + first.location() + ")"));
      }
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
    }
    if (!problems.isEmpty()) {
      throw new ScheduleException(problems);
    }
    return conference;
  }

  private static ScheduleProblem problem(Talk talk, String message) {
    return new ScheduleProblem(talk.location(), message);
  }
}

package io.usher.app.runtime;

import io.usher.app.config.BadInputException;
import io.usher.app.config.PeopleSettings;
import io.usher.app.config.Settings;
import io.usher.plan.people.Roster;
import io.usher.schedule.Conference;
import io.usher.schedule.People;
import io.usher.schedule.ScheduleException;
import io.usher.schedule.people.PeopleFileParser;
import java.util.List;

/** Loads the configured people file and checks it against a schedule, as bad input. */
final class PeopleFiles {
  private PeopleFiles() {}

  /** The people file, or {@link People#none()} when none is configured. */
  static People load(PeopleSettings settings) {
    if (settings.file().isEmpty()) {
      return People.none();
    }
    try {
      return new PeopleFileParser().parse(settings.file().get());
    } catch (ScheduleException e) {
      throw new BadInputException("invalid people file:\n" + e.getMessage(), e);
    }
  }

  /** Fails when the people file names talks or tracks the schedule does not have. */
  static void check(Settings settings, Conference conference, People people) {
    if (settings.people().file().isEmpty()) {
      return;
    }
    List<String> problems = Roster.check(conference, settings.grouping(), people,
        settings.people().roles());
    if (!problems.isEmpty()) {
      throw new BadInputException("invalid people file:\n" + String.join("\n", problems), null);
    }
  }
}

package io.usher.app.runtime;

import io.usher.app.config.BadInputException;
import io.usher.app.config.Settings;
import io.usher.schedule.Conference;
import io.usher.schedule.People;

/**
 * What one command reads before it contacts the homeserver, each read once: the validated config,
 * the people file and the schedule checked against it. Two reads of a file being edited could
 * disagree; everything the run decides comes from these.
 */
public record Inputs(Settings settings, People people, Conference conference) {
  /**
   * Reads the people file, then the schedule, and checks one against the other.
   *
   * @throws BadInputException naming the file, line or field that is wrong
   */
  public static Inputs read(Settings settings) {
    People people = PeopleFiles.load(settings.people());
    return new Inputs(settings, people, Schedules.conference(settings, people));
  }
}

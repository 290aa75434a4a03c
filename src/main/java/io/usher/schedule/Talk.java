package io.usher.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One scheduled event of the conference: a Pentabarf XML {@code <event>}, an event of a frab
 * {@code schedule.json}, or an iCalendar {@code VEVENT} (RFC 5545).
 *
 * @param id the schedule's event id, the talk's identity across schedule edits
 * @param slug the schedule's slug, may be empty
 * @param track the track name, empty when the schedule gives none
 * @param type the event type ({@code devroom}, {@code maintrack}, ...), may be empty
 * @param room the schedule room (a stage or a physical room) the talk takes place in
 * @param start the start, a UTC instant
 * @param duration the length of the slot, positive
 * @param abstractText the abstract as given (often escaped HTML), may be empty
 * @param location where the event is defined in the source, for error messages
 */
public record Talk(
    TalkId id,
    String slug,
    String title,
    String subtitle,
    String track,
    String type,
    String room,
    Instant start,
    Duration duration,
    String abstractText,
    List<Person> persons,
    SourceLocation location) {

  /**
   * Text fields are stripped, a null one becomes empty (the abstract is kept as given).
   *
   * @throws NullPointerException without an id, a start or a duration
   */
  public Talk {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(duration, "duration");
    slug = Objects.requireNonNullElse(slug, "").strip();
    title = Objects.requireNonNullElse(title, "").strip();
    subtitle = Objects.requireNonNullElse(subtitle, "").strip();
    track = Objects.requireNonNullElse(track, "").strip();
    type = Objects.requireNonNullElse(type, "").strip();
    room = Objects.requireNonNullElse(room, "").strip();
    abstractText = Objects.requireNonNullElse(abstractText, "");
    persons = List.copyOf(persons);
  }

  /** The end of the slot, a UTC instant. */
  public Instant end() {
    return start.plus(duration);
  }
}

package io.usher.plan;

import io.usher.schedule.Person;
import io.usher.schedule.Talk;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

/** Room topics, with times in the conference's time zone. */
final class Topics {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private final ZoneId zone;
  private final String conferenceName;

  Topics(ZoneId zone, String conferenceName) {
    this.zone = zone;
    this.conferenceName = conferenceName;
  }

  String conference(Instant first, Instant last) {
    return conferenceName + " · " + day(first)
        + (day(first).equals(day(last)) ? "" : " to " + day(last))
        + " (times in " + zone.getId() + ")";
  }

  String trackSpace(PlannedTrack track) {
    return track.name() + " at " + conferenceName;
  }

  String subspace(String label) {
    return label + " at " + conferenceName;
  }

  String track(PlannedTrack track) {
    Talk first = track.talks().get(0);
    Talk last = track.talks().get(track.talks().size() - 1);
    return track.name() + " at " + conferenceName + " · room " + track.streamRoom() + " · "
        + slot(first.start(), last.end()) + " · " + track.talks().size() + " talks";
  }

  String backstage(PlannedTrack track, String trackAlias) {
    return "Backstage of " + track.name() + " for speakers, hosts and organisers · public room "
        + trackAlias;
  }

  String talk(Talk talk) {
    String speakers = talk.persons().stream().map(Person::name).filter(n -> !n.isEmpty())
        .collect(Collectors.joining(", "));
    return slot(talk.start(), talk.end()) + " · room " + talk.room()
        + (speakers.isEmpty() ? "" : " · " + speakers)
        + (talk.track().isEmpty() ? "" : " · " + talk.track());
  }

  /** {@code Sat 6 Feb 2021, 10:00–10:30 (Europe/Brussels)}; the end's day when it differs. */
  private String slot(Instant start, Instant end) {
    ZonedDateTime from = start.atZone(zone);
    ZonedDateTime to = end.atZone(zone);
    String endText = from.toLocalDate().equals(to.toLocalDate())
        ? TIME.format(to) : DAY.format(to) + ", " + TIME.format(to);
    return DAY.format(from) + ", " + TIME.format(from) + "–" + endText + " (" + zone.getId() + ")";
  }

  private String day(Instant instant) {
    return DAY.format(instant.atZone(zone));
  }
}

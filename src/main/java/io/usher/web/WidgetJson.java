package io.usher.web;

import io.usher.plan.PlannedTrack;
import io.usher.schedule.Person;
import io.usher.schedule.Talk;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON the widget pages read. Instants are milliseconds since the Unix epoch (UTC), and
 * every answer carries the server's {@code now}, so pages count down by the server's clock.
 * Text is sent as it is in the schedule: the pages escape it.
 */
final class WidgetJson {
  private WidgetJson() {}

  /**
   * A track's talks of the day: the conference day (in the conference's zone) of {@code now}
   * when the track has talks then, else its next day with talks, else its last.
   */
  static Map<String, Object> schedule(PlannedTrack track, ZoneId zone, Instant now) {
    LocalDate today = LocalDate.ofInstant(now, zone);
    List<LocalDate> days = track.talks().stream()
        .map(talk -> LocalDate.ofInstant(talk.start(), zone)).distinct().sorted().toList();
    LocalDate day = days.stream().filter(d -> !d.isBefore(today)).findFirst()
        .orElse(days.isEmpty() ? today : days.get(days.size() - 1));
    Map<String, Object> json = base(now);
    json.put("track", track(track));
    json.put("timeZone", zone.getId());
    json.put("day", day.toString());
    json.put("talks", track.talks().stream()
        .filter(talk -> LocalDate.ofInstant(talk.start(), zone).equals(day))
        .sorted(Comparator.comparing(Talk::start)).map(WidgetJson::talk).toList());
    return json;
  }

  /** A talk's timing: when it goes live and when its slot ends. */
  static Map<String, Object> timing(PlannedTrack track, Talk talk, Instant now) {
    Map<String, Object> json = base(now);
    json.put("track", track(track));
    json.put("talk", talk(talk));
    return json;
  }

  /** A talk's questions, or why they cannot be shown now. */
  static Map<String, Object> questions(PlannedTrack track, Talk talk, Instant now,
      QuestionSource source) {
    Map<String, Object> json = timing(track, talk, now);
    try {
      json.put("questions", source.questions(track.id(), talk.start(), talk.end()).stream()
          .map(WidgetJson::question).toList());
      json.put("status", "ok");
    } catch (QuestionsUnavailable e) {
      json.put("questions", List.of());
      json.put("status", "unavailable");
      json.put("message", e.getMessage());
    }
    return json;
  }

  /**
   * The talk a track's backstage asks about: the one on now, else the last one begun (its
   * speaker may still be answering), else the first.
   */
  static Optional<Talk> currentOrLast(PlannedTrack track, Instant now) {
    Talk chosen = null;
    for (Talk talk : track.talks()) {
      if (!talk.start().isAfter(now)) {
        chosen = talk;
      }
    }
    return Optional.ofNullable(chosen).or(() -> track.talks().stream().findFirst());
  }

  private static Map<String, Object> base(Instant now) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("now", now.toEpochMilli());
    return json;
  }

  private static Map<String, Object> track(PlannedTrack track) {
    return Map.of("id", track.id(), "name", track.name());
  }

  private static Map<String, Object> talk(Talk talk) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", talk.id().value());
    json.put("title", talk.title());
    json.put("subtitle", talk.subtitle());
    json.put("room", talk.room());
    json.put("start", talk.start().toEpochMilli());
    json.put("end", talk.end().toEpochMilli());
    json.put("persons", talk.persons().stream().map(Person::name).toList());
    return json;
  }

  private static Map<String, Object> question(Question question) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", question.id());
    json.put("sender", question.sender());
    json.put("body", question.body());
    json.put("thumbsUp", question.thumbsUp());
    json.put("sentAt", question.sentAt().toEpochMilli());
    return json;
  }
}

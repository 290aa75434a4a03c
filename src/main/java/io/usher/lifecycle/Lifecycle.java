package io.usher.lifecycle;

import io.usher.lifecycle.AnnouncementText.Value;
import io.usher.plan.DesiredConference;
import io.usher.plan.DesiredRoom;
import io.usher.plan.HallwayHistory;
import io.usher.plan.PlannedTrack;
import io.usher.plan.Policy;
import io.usher.plan.RoomKey;
import io.usher.plan.RoomKind;
import io.usher.plan.Slugs;
import io.usher.schedule.Conference;
import io.usher.schedule.Person;
import io.usher.schedule.Talk;
import io.usher.schedule.TalkId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The phases of every talk of a conference and what each announces: a pure function of the
 * schedule, the policies and the desired rooms (for links).
 */
public final class Lifecycle {
  private final Conference conference;
  private final DesiredConference desired;
  private final Policy policy;
  private final LifecyclePolicy lifecycle;
  private final ZonedTimes times;
  /** Empty, or the name of the rehearsal these phases belong to ({@link PhaseEvent#rehearsal}). */
  private final String rehearsal;
  private final Map<TalkId, Talk> talks = new LinkedHashMap<>();
  private final Map<TalkId, String> trackOf = new HashMap<>();

  /** The conference itself: its phases are the real ones. */
  public Lifecycle(Conference conference, DesiredConference desired, Policy policy,
      LifecyclePolicy lifecycle) {
    this(conference, desired, policy, lifecycle, "");
  }

  /**
   * @param rehearsal empty for the conference itself, else the rehearsal's name: its phases are
   *     recorded and sent under it ({@link PhaseEvent#recordId()})
   */
  public Lifecycle(Conference conference, DesiredConference desired, Policy policy,
      LifecyclePolicy lifecycle, String rehearsal) {
    this.conference = conference;
    this.rehearsal = rehearsal;
    this.desired = desired;
    this.policy = policy;
    this.lifecycle = lifecycle;
    this.times = new ZonedTimes(conference.timeZone());
    for (PlannedTrack track : desired.tracks()) {
      for (Talk talk : track.talks()) {
        talks.put(talk.id(), talk);
        trackOf.put(talk.id(), track.id());
      }
    }
  }

  public LifecyclePolicy policy() {
    return lifecycle;
  }

  public Conference conference() {
    return conference;
  }

  public Optional<Talk> talk(TalkId id) {
    return Optional.ofNullable(talks.get(id));
  }

  public Map<TalkId, Talk> talks() {
    return Collections.unmodifiableMap(talks);
  }

  /** The planned track id of a talk of this schedule. */
  public String trackOf(TalkId id) {
    return trackOf.get(id);
  }

  /**
   * Every talk's phases, in the order they are due. A Q&A or end warning that would not fall
   * after the start (a lightning talk) is left out.
   */
  public List<PhaseEvent> phases() {
    List<PhaseEvent> all = new ArrayList<>();
    talks.values().forEach(talk -> all.addAll(phases(talk)));
    all.sort(null);
    return all;
  }

  private List<PhaseEvent> phases(Talk talk) {
    String track = trackOf.get(talk.id());
    List<PhaseEvent> out = new ArrayList<>();
    out.add(new PhaseEvent(talk.id(), Phase.REMINDER,
        talk.start().minus(lifecycle.reminderBefore()), track, rehearsal));
    out.add(new PhaseEvent(talk.id(), Phase.UP_NEXT,
        talk.start().minus(lifecycle.upNextBefore()), track, rehearsal));
    out.add(new PhaseEvent(talk.id(), Phase.START, talk.start(), track, rehearsal));
    lifecycle.qaBeforeEnd().map(d -> talk.end().minus(d)).filter(at -> at.isAfter(talk.start()))
        .ifPresent(at -> out.add(new PhaseEvent(talk.id(), Phase.QA, at, track, rehearsal)));
    Instant warning = talk.end().minus(lifecycle.endWarningBefore());
    if (warning.isAfter(talk.start())) {
      out.add(new PhaseEvent(talk.id(), Phase.END_WARNING, warning, track, rehearsal));
    }
    out.add(new PhaseEvent(talk.id(), Phase.END, talk.end(), track, rehearsal));
    return out;
  }

  /** The rooms whose desired state changes at this phase: at the end, the talk room and space. */
  public Set<RoomKey> roomsChangedBy(PhaseEvent event) {
    if (event.phase() != Phase.END) {
      return Set.of();
    }
    RoomKey talkRoom = talkRoom(event.talk());
    return desired.room(talkRoom).flatMap(DesiredRoom::parent)
        .map(space -> Set.of(talkRoom, space)).orElse(Set.of(talkRoom));
  }

  public RoomKey talkRoom(TalkId id) {
    return new RoomKey(RoomKind.TALK, policy.conferenceId(), id.value());
  }

  public RoomKey trackRoom(TalkId id) {
    return new RoomKey(RoomKind.TRACK, policy.conferenceId(), trackOf.get(id));
  }

  /** The notices a phase posts, track room first. */
  public List<Announcement> announcements(PhaseEvent event) {
    LifecyclePolicy.Template template = lifecycle.texts().get(event.phase());
    Talk talk = talks.get(event.talk());
    Map<String, Object> says = new LinkedHashMap<>(Map.of("conference", policy.conferenceId(),
        "talk", event.talk().value(), "phase", event.phase().id(), "at", event.at().toString()));
    if (!event.rehearsal().isEmpty()) {
      says.put("rehearsal", event.rehearsal());
    }
    Map<String, Object> marker = Map.of("io.usher.announcement", says);
    String txn = "usher." + policy.conferenceId() + "." + Slugs.txnSafe(event.recordId());
    List<Announcement> out = new ArrayList<>();
    Map<String, Value> values = values(talk, minutes(event, talk));
    if (!template.track().isBlank()) {
      out.add(AnnouncementText.render(trackRoom(event.talk()), template.track(), values,
          txn + ".track", marker));
    }
    if (!template.talk().isBlank()) {
      out.add(AnnouncementText.render(talkRoom(event.talk()), template.talk(), values,
          txn + ".talk", marker));
    }
    return out;
  }

  /**
   * Notices for a talk moved or cancelled by a schedule change, in its track room and talk room.
   *
   * @param now the instant the change is noticed, for a stable transaction id
   */
  public List<Announcement> changeNotices(Talk before, Optional<Talk> after, Instant now) {
    String what = after.map(t -> "moved").orElse("cancelled");
    String text = after.map(t -> "Schedule change: “{title}” has moved to {start} (until {end})"
            + (t.room().equals(before.room()) ? "." : " in {room}."))
        .orElse("Schedule change: “{title}”, due at {start}, is cancelled.");
    Map<String, Object> marker = Map.of("io.usher.announcement", Map.of(
        "conference", policy.conferenceId(), "talk", before.id().value(), "phase", what,
        "at", now.toString()));
    Map<String, Value> values = values(after.orElse(before), 0);
    String txn = "usher." + policy.conferenceId() + "." + Slugs.txnSafe(before.id().value() + "/"
        + what + "/" + after.map(t -> t.start().getEpochSecond()).orElse(0L));
    return List.of(
        AnnouncementText.render(trackRoom(before.id()), text, values, txn + ".track", marker),
        AnnouncementText.render(talkRoom(before.id()), text, values, txn + ".talk", marker));
  }

  private long minutes(PhaseEvent event, Talk talk) {
    Instant reference = switch (event.phase()) {
      case REMINDER, UP_NEXT -> talk.start();
      default -> talk.end();
    };
    return Math.max(0, Duration.between(event.at(), reference).toMinutes());
  }

  private Map<String, Value> values(Talk talk, long minutes) {
    Map<String, Value> values = new HashMap<>();
    values.put("title", Value.of(talk.title()));
    String speakers = talk.persons().stream().map(Person::name).filter(n -> !n.isBlank())
        .collect(Collectors.joining(", "));
    values.put("speakers", Value.of(speakers.isEmpty() ? "(speakers to be announced)"
        : speakers));
    values.put("start", Value.of(times.time(talk.start())));
    values.put("end", Value.of(times.time(talk.end())));
    values.put("room", Value.of(talk.room()));
    values.put("track", Value.of(talk.track()));
    values.put("minutes", Value.count(minutes));
    values.put("conference", Value.of(desired.name()));
    values.put("track_room", link(trackRoom(talk.id())));
    values.put("talk_room", link(talkRoom(talk.id())));
    values.put("hallway", Value.of(policy.hallwayHistory() == HallwayHistory.OPEN
        ? "When the talk ends this room becomes its public hallway, and everything said here,"
            + " before then too, becomes readable by whoever joins."
        : "When the talk ends this room becomes its public hallway; what is said here before"
            + " then stays readable only by those in the room now."));
    return values;
  }

  private Value link(RoomKey key) {
    return desired.room(key).map(room -> Value.link(
        room.alias(policy.serverName()))).orElse(Value.of(""));
  }
}

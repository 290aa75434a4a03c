package io.usher.web;

import io.usher.plan.PlannedTrack;
import io.usher.schedule.Conference;
import io.usher.schedule.Talk;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The schedule as the widget pages see it: the conference and its tracks, grouped as the
 * planner groups them, so a widget's {@code track} parameter is the track room's track id.
 */
public final class WidgetSchedule {
  private final Conference conference;
  private final Map<String, PlannedTrack> tracks;
  private final Map<String, PlannedTrack> trackOfTalk;

  public WidgetSchedule(Conference conference, List<PlannedTrack> tracks) {
    this.conference = conference;
    this.tracks = tracks.stream().collect(Collectors.toMap(PlannedTrack::id, Function.identity()));
    this.trackOfTalk = tracks.stream().flatMap(track -> track.talks().stream()
            .map(talk -> Map.entry(talk.id().value(), track)))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
  }

  public Conference conference() {
    return conference;
  }

  /** The ids of its tracks (each a track room's). */
  public java.util.Set<String> trackIds() {
    return tracks.keySet();
  }

  Optional<PlannedTrack> track(String id) {
    return Optional.ofNullable(tracks.get(id));
  }

  Optional<PlannedTrack> trackOf(String talkId) {
    return Optional.ofNullable(trackOfTalk.get(talkId));
  }

  Optional<Talk> talk(String talkId) {
    return trackOf(talkId).flatMap(track -> track.talks().stream()
        .filter(talk -> talk.id().value().equals(talkId)).findFirst());
  }

  int trackCount() {
    return tracks.size();
  }
}

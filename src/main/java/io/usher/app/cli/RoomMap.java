package io.usher.app.cli;

import io.usher.plan.DesiredConference;
import io.usher.plan.DesiredRoom;
import io.usher.plan.PlannedTrack;
import io.usher.plan.RoomKey;
import io.usher.plan.RoomKind;
import io.usher.plan.StateTypes;
import io.usher.plan.diff.ObservedConference;
import io.usher.plan.diff.ObservedRoom;
import io.usher.schedule.Talk;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The conference's rooms as front-ends need them (a conference website, a video platform
 * embedding the right chat): for each track and talk, its Matrix room id, alias and
 * matrix.to link. Rooms not created yet have an empty room id.
 */
public final class RoomMap {
  private RoomMap() {}

  /**
   * One room of the map.
   *
   * @param kind {@code conference-space}, {@code track-space}, {@code track}, {@code backstage}
   *     or {@code talk}
   * @param talkId the schedule's event id for a talk room, else empty
   * @param title the room's name
   * @param roomId the Matrix room id, or empty when the room does not exist yet
   * @param alias the room alias ({@code #localpart:server})
   * @param matrixTo a https://matrix.to link to the alias
   * @param widgets the URLs of the room's widgets, in layout order
   */
  public record Entry(String kind, String trackId, String track, String talkId, String title,
      String roomId, String alias, String matrixTo, List<String> widgets) {
    public Entry {
      widgets = List.copyOf(widgets);
    }
  }

  /** The conference space, then each track's space, room and backstage, then its talks. */
  public static List<Entry> of(DesiredConference desired, ObservedConference observed,
      String serverName) {
    List<Entry> entries = new ArrayList<>();
    entries.add(entry(desired.root(), "", "", "", observed, serverName));
    for (PlannedTrack track : desired.tracks()) {
      for (RoomKind kind : List.of(RoomKind.TRACK_SPACE, RoomKind.TRACK, RoomKind.BACKSTAGE)) {
        desired.room(new RoomKey(kind, desired.conferenceId(), track.id())).ifPresent(room ->
            entries.add(entry(room, track.id(), track.name(), "", observed, serverName)));
      }
      for (Talk talk : track.talks()) {
        desired.room(new RoomKey(RoomKind.TALK, desired.conferenceId(), talk.id().value()))
            .ifPresent(room -> entries.add(entry(room, track.id(), track.name(),
                talk.id().value(), observed, serverName)));
      }
    }
    return entries;
  }

  private static Entry entry(DesiredRoom room, String trackId, String track, String talkId,
      ObservedConference observed, String serverName) {
    String alias = room.alias(serverName);
    return new Entry(room.key().kind().wireName(), trackId, track, talkId, room.name(),
        observed.room(room.key()).map(ObservedRoom::roomId).orElse(""), alias,
        "https://matrix.to/#/" + URLEncoder.encode(alias, StandardCharsets.UTF_8),
        room.widgets().stream().filter(e -> e.type().equals(StateTypes.WIDGET))
            .map(e -> String.valueOf(e.content().get("url"))).toList());
  }
}

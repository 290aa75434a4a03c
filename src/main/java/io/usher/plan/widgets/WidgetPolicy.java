package io.usher.plan.widgets;

import io.usher.plan.DesiredStateEvent;
import io.usher.plan.Furnished;
import io.usher.plan.Furnishing;
import io.usher.plan.PlannedTrack;
import io.usher.plan.RoomKey;
import io.usher.plan.RoomKind;
import io.usher.schedule.Conference;
import io.usher.schedule.Talk;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where the widget pages are served and which outside services they show. Templates use the
 * placeholders of {@link UrlTemplate}; an empty template leaves its widget out (livestream and
 * scratchpad) or its button out (video).
 *
 * @param baseUrl the public URL of Usher's web server (no trailing slash); empty for no widgets
 * @param streamTemplate the HLS playlist URL of a track's or talk's livestream
 * @param videoTemplate the video call a talk room's "Join" opens (Jitsi, BigBlueButton)
 * @param scratchpadTemplate a talk's shared notes (an Etherpad or HedgeDoc pad)
 * @param creatorUserId the bot's user id, written as {@code creatorUserId} of each widget
 */
public record WidgetPolicy(String baseUrl, String streamTemplate, String videoTemplate,
    String scratchpadTemplate, String creatorUserId) implements Furnishing {

  public WidgetPolicy {
    baseUrl = Objects.requireNonNullElse(baseUrl, "").replaceAll("/+$", "");
    streamTemplate = Objects.requireNonNullElse(streamTemplate, "");
    videoTemplate = Objects.requireNonNullElse(videoTemplate, "");
    scratchpadTemplate = Objects.requireNonNullElse(scratchpadTemplate, "");
    creatorUserId = Objects.requireNonNullElse(creatorUserId, "");
  }

  /** No widgets in any room. */
  public static WidgetPolicy none() {
    return new WidgetPolicy("", "", "", "", "");
  }

  public boolean enabled() {
    return !baseUrl.isEmpty();
  }

  /** The widgets of every track room, backstage and talk room; nothing when not enabled. */
  @Override
  public Furnished furnish(Conference conference, List<PlannedTrack> tracks,
      String conferenceId) {
    if (!enabled()) {
      return Furnished.nothing();
    }
    Widgets widgets = new Widgets(this, conferenceId);
    Map<RoomKey, List<DesiredStateEvent>> state = new HashMap<>();
    for (PlannedTrack track : tracks) {
      state.put(new RoomKey(RoomKind.TRACK, conferenceId, track.id()), widgets.forTrack(track));
      state.put(new RoomKey(RoomKind.BACKSTAGE, conferenceId, track.id()),
          widgets.forBackstage(track));
      for (Talk talk : track.talks()) {
        state.put(new RoomKey(RoomKind.TALK, conferenceId, talk.id().value()),
            widgets.forTalk(track, talk));
      }
    }
    return new Furnished(Map.of(), Map.of(), state, List.of());
  }
}

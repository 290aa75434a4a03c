package io.usher.plan.widgets;

import io.usher.plan.Contents;
import io.usher.plan.DesiredStateEvent;
import io.usher.plan.PlannedTrack;
import io.usher.plan.StateTypes;
import io.usher.schedule.Talk;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The widgets of a conference's rooms, as state events: one {@code im.vector.modular.widgets}
 * event per widget, keyed by a stable id (never a hash of the content, so a changed stream URL
 * updates the widget in place and clients keep it where it was), plus the room's
 * {@code io.element.widgets.layout}.
 *
 * <p>Track room: livestream and schedule. Backstage: the track's questions and schedule. Talk
 * room: video (the livestream, with a "Join" button for the video call), countdown, questions,
 * and the scratchpad beside the chat.
 */
public final class Widgets {
  /** Usher's widget ids all start with this; others' widgets are never touched. */
  public static final String ID_PREFIX = "usher-";

  private final WidgetPolicy policy;
  private final String conferenceId;

  Widgets(WidgetPolicy policy, String conferenceId) {
    this.policy = policy;
    this.conferenceId = conferenceId;
  }

  List<DesiredStateEvent> forTrack(PlannedTrack track) {
    List<Placed> widgets = new ArrayList<>();
    String stream = stream(track.id(), track.streamRoom(), "");
    if (!stream.isEmpty()) {
      widgets.add(new Placed("livestream", "Livestream", "livestream",
          query("track", track.id(), "stream", stream), track.name(), 65));
    }
    widgets.add(new Placed("schedule", "Schedule", "schedule", query("track", track.id()),
        track.name(), widgets.isEmpty() ? 100 : 35));
    return events(widgets);
  }

  List<DesiredStateEvent> forBackstage(PlannedTrack track) {
    return events(List.of(
        new Placed("questions", "Questions", "questions", query("track", track.id()),
            track.name(), 60),
        new Placed("schedule", "Schedule", "schedule", query("track", track.id()),
            track.name(), 40)));
  }

  List<DesiredStateEvent> forTalk(PlannedTrack track, Talk talk) {
    String id = talk.id().value();
    Map<String, String> values = UrlTemplate.values(conferenceId, track.id(), talk.room(), id);
    List<Placed> widgets = new ArrayList<>();
    widgets.add(new Placed("video", "Video", "hybrid", query("talk", id,
        "stream", stream(track.id(), talk.room(), id),
        "video", expand(policy.videoTemplate(), values)), talk.title(), 50));
    widgets.add(new Placed("countdown", "Countdown", "countdown", query("talk", id),
        talk.title(), 20));
    widgets.add(new Placed("questions", "Questions", "questions", query("talk", id),
        talk.title(), 30));
    String pad = expand(policy.scratchpadTemplate(), values);
    if (!pad.isEmpty()) {
      widgets.add(new Placed("scratchpad", "Scratchpad", "scratchpad",
          query("talk", id, "pad", pad), talk.title(), 0));
    }
    return events(widgets);
  }

  private String stream(String trackId, String room, String talkId) {
    return expand(policy.streamTemplate(),
        UrlTemplate.values(conferenceId, trackId, room, talkId));
  }

  private static String expand(String template, Map<String, String> values) {
    return template.isEmpty() ? "" : UrlTemplate.expand(template, values);
  }

  /** Query parameters in order, leaving out empty values. */
  private static String query(String... pairs) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < pairs.length; i += 2) {
      if (!pairs[i + 1].isEmpty()) {
        parts.add(pairs[i] + "=" + UrlTemplate.encode(pairs[i + 1]));
      }
    }
    return String.join("&", parts);
  }

  private List<DesiredStateEvent> events(List<Placed> widgets) {
    List<DesiredStateEvent> events = new ArrayList<>();
    Map<String, Object> layout = new LinkedHashMap<>();
    int index = 0;
    for (Placed widget : widgets) {
      String id = ID_PREFIX + widget.id();
      events.add(new DesiredStateEvent(StateTypes.WIDGET, id, content(id, widget)));
      // Width 0 marks a widget for the right-hand panel; the others share the top container.
      layout.put(id, widget.width() == 0 ? Map.of("container", "right")
          : Map.of("container", "top", "index", index++, "width", widget.width(),
              "height", 40));
    }
    events.add(new DesiredStateEvent(StateTypes.WIDGET_LAYOUT, "", Map.of("widgets", layout)));
    return events;
  }

  private Map<String, Object> content(String id, Placed widget) {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("id", id);
    content.put("type", "m.custom");
    content.put("url", policy.baseUrl() + "/widgets/" + widget.page() + ".html?" + widget.query());
    content.put("name", widget.name());
    content.put("data", Map.of("title", widget.title()));
    content.put("creatorUserId", policy.creatorUserId());
    content.put("waitForIframeLoad", true);
    return content;
  }

  /**
   * A widget change for the plan: what is added, or which fields change, with URLs in full
   * (a changed stream URL is what an organiser checks).
   */
  public static String describe(String id, Optional<Map<String, Object>> current,
      Map<String, Object> desired) {
    if (current.isEmpty() || current.get().isEmpty()) {
      return "add " + id + " " + desired.get("url");
    }
    List<String> changed = new ArrayList<>();
    desired.forEach((key, value) -> {
      Object was = current.get().get(key);
      if (!Contents.normal(value).equals(Contents.normal(was))) {
        changed.add(key.equals("url") ? "url " + was + " → " + value : key);
      }
    });
    return "update " + id + ": " + String.join(", ", changed);
  }

  /** A layout for the plan: each widget's container and width. */
  @SuppressWarnings("unchecked")
  public static String describeLayout(Map<String, Object> layout) {
    List<String> parts = new ArrayList<>();
    ((Map<String, Map<String, Object>>) layout.get("widgets")).forEach((id, place) -> parts.add(
        id + " " + place.get("container") + (place.containsKey("width")
            ? " " + place.get("width") + "%" : "")));
    return "place " + String.join(", ", parts);
  }

  /** The ids of the widgets Usher may place, for removing those no longer wanted. */
  public static boolean isUshers(String stateKey) {
    return stateKey.startsWith(ID_PREFIX);
  }

  /**
   * @param width percent of the top container; 0 for the right-hand panel
   */
  private record Placed(String id, String name, String page, String query, String title,
      int width) {}
}

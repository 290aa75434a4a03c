package io.usher.plan.widgets;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.SharedSchedules;
import io.usher.plan.DesiredConference;
import io.usher.plan.DesiredRoom;
import io.usher.plan.DesiredState;
import io.usher.plan.DesiredStateEvent;
import io.usher.plan.Policy;
import io.usher.plan.RoomKey;
import io.usher.plan.RoomKind;
import io.usher.plan.StateTypes;
import io.usher.plan.TrackGrouping;
import io.usher.plan.diff.Action.PutState;
import io.usher.plan.diff.Action;
import io.usher.plan.diff.ObservedConference;
import io.usher.plan.diff.ObservedRoom;
import io.usher.plan.diff.Planner;
import io.usher.plan.diff.PlannerTest;
import io.usher.plan.diff.StateSlot;
import io.usher.plan.people.PeoplePolicy;
import io.usher.schedule.Conference;
import io.usher.schedule.frab.PentabarfFiles;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Widgets as desired state: which rooms get which, stable ids, in-place updates, removal. */
class WidgetsPlanTest {
  static final Instant BEFORE = Instant.parse("2000-01-01T00:00:00Z");
  static final String BOT = "@bot:localhost";
  static final WidgetPolicy WIDGETS = new WidgetPolicy("https://usher.example.org/",
      "https://stream.example.org/hls/{slug}.m3u8", "https://meet.example.org/{conference}-{talk}",
      "https://pad.example.org/p/{conference}-{talk}", BOT);

  final Planner planner = new Planner("localhost", BOT);

  static DesiredConference desired(WidgetPolicy widgets) throws Exception {
    Conference conference = PentabarfFiles.parse(Optional.empty(), SharedSchedules.example());
    return DesiredState.of(conference, new Policy("ex", "", "localhost", TrackGrouping.TRACK,
        List.of("@org:localhost"), List.of(), 50, PeoplePolicy.none(), widgets), BEFORE);
  }

  static DesiredRoom room(DesiredConference desired, RoomKind kind, String id) {
    return desired.byKey().get(new RoomKey(kind, "ex", id));
  }

  static Map<String, Map<String, Object>> widgets(DesiredRoom room) {
    Map<String, Map<String, Object>> out = new java.util.LinkedHashMap<>();
    room.widgets().stream().filter(e -> e.type().equals(StateTypes.WIDGET))
        .forEach(e -> out.put(e.stateKey(), e.content()));
    return out;
  }

  @Test
  void trackRoomsShowTheLivestreamAndScheduleTalkRoomsVideoCountdownQuestionsAndScratchpad()
      throws Exception {
    DesiredConference desired = desired(WIDGETS);
    DesiredRoom track = room(desired, RoomKind.TRACK, "real-time-communications");
    assertThat(widgets(track)).containsOnlyKeys("usher-livestream", "usher-schedule");
    Map<String, Object> livestream = widgets(track).get("usher-livestream");
    assertThat(livestream).containsEntry("id", "usher-livestream")
        .containsEntry("type", "m.custom").containsEntry("creatorUserId", BOT)
        .containsEntry("waitForIframeLoad", true).containsEntry("name", "Livestream");
    assertThat((String) livestream.get("url")).isEqualTo("https://usher.example.org/widgets/"
        + "livestream.html?track=real-time-communications&stream="
        + "https%3A%2F%2Fstream.example.org%2Fhls%2Fh-1308-rolin-unicode-co.m3u8");
    assertThat(widgets(room(desired, RoomKind.BACKSTAGE, "real-time-communications")))
        .containsOnlyKeys("usher-questions", "usher-schedule");
    DesiredRoom talk = room(desired, RoomKind.TALK, "201");
    assertThat(widgets(talk)).containsOnlyKeys("usher-video", "usher-countdown",
        "usher-questions", "usher-scratchpad");
    assertThat((String) widgets(talk).get("usher-video").get("url"))
        .contains("talk=201&stream=").endsWith("&video=https%3A%2F%2Fmeet.example.org%2Fex-201");
    assertThat(room(desired, RoomKind.TRACK_SPACE, "real-time-communications").widgets())
        .isEmpty();
  }

  @Test
  void theLayoutPutsTheMainWidgetsOnTopAndTheScratchpadBesideTheChat() throws Exception {
    DesiredRoom talk = room(desired(WIDGETS), RoomKind.TALK, "201");
    DesiredStateEvent layout = talk.widgets().stream()
        .filter(e -> e.type().equals(StateTypes.WIDGET_LAYOUT)).findFirst().orElseThrow();
    assertThat(layout.stateKey()).isEmpty();
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> placed =
        (Map<String, Map<String, Object>>) layout.content().get("widgets");
    assertThat(placed.get("usher-video")).containsEntry("container", "top")
        .containsEntry("index", 0);
    assertThat(placed.get("usher-countdown")).containsEntry("index", 1);
    assertThat(placed.get("usher-questions")).containsEntry("index", 2);
    assertThat(placed.get("usher-scratchpad")).containsEntry("container", "right");
    int width = placed.values().stream().filter(w -> w.get("container").equals("top"))
        .mapToInt(w -> (Integer) w.get("width")).sum();
    assertThat(width).isEqualTo(100);
  }

  @Test
  void aChangedStreamUrlUpdatesTheWidgetInPlaceAndNothingElse() throws Exception {
    DesiredConference before = desired(WIDGETS);
    ObservedConference observed = ObservedConference.of("ex",
        PlannerTest.homeserverMatching(planner, before));
    assertThat(planner.plan(before, observed).actions()).isEmpty();

    DesiredConference after = desired(new WidgetPolicy(WIDGETS.baseUrl(),
        "https://cdn.example.org/{track}/index.m3u8", WIDGETS.videoTemplate(),
        WIDGETS.scratchpadTemplate(), BOT));
    List<Action> actions = planner.plan(after, observed).actions();
    assertThat(actions).allSatisfy(action -> {
      assertThat(action).isInstanceOf(PutState.class);
      PutState put = (PutState) action;
      assertThat(put.type()).isEqualTo(StateTypes.WIDGET);
      assertThat(put.stateKey()).isIn("usher-livestream", "usher-video");
      assertThat(put.change()).as("the plan shows the URLs in full")
          .startsWith("update " + put.stateKey() + ": url https://usher.example.org/widgets/")
          .contains("stream.example.org").endsWith(((String) put.content().get("url")));
    });
    long tracks = before.rooms().stream().filter(r -> r.key().kind() == RoomKind.TRACK).count();
    long talks = before.rooms().stream().filter(r -> r.key().kind() == RoomKind.TALK).count();
    assertThat(actions).hasSize((int) (tracks + talks));
  }

  @Test
  void turningWidgetsOffRemovesOnlyUshersWidgets() throws Exception {
    DesiredConference before = desired(WIDGETS);
    List<ObservedRoom> rooms = new java.util.ArrayList<>(
        PlannerTest.homeserverMatching(planner, before));
    ObservedRoom track = rooms.stream().filter(r -> r.key().kind() == RoomKind.TRACK)
        .findFirst().orElseThrow();
    Map<StateSlot, Map<String, Object>> state = new java.util.HashMap<>(track.state());
    state.put(new StateSlot(StateTypes.WIDGET, "organisers-own-poll"), Map.of("url", "x"));
    rooms.set(rooms.indexOf(track), new ObservedRoom(track.key(), track.roomId(), state));

    List<Action> actions = planner.plan(desired(WidgetPolicy.none()),
        ObservedConference.of("ex", rooms)).actions();
    assertThat(actions).isNotEmpty().allSatisfy(action -> {
      PutState put = (PutState) action;
      assertThat(put.stateKey()).startsWith("usher-");
      assertThat(put.content()).isEmpty();
    });
  }

  @Test
  void scheduleTextCannotChangeAWidgetUrlsShape() {
    String url = UrlTemplate.expand("https://s.example.org/{room}/{track}.m3u8",
        UrlTemplate.values("ex", "a&b", "K.4?x=1#y /..", ""));
    assertThat(url).isEqualTo("https://s.example.org/K.4%3Fx%3D1%23y%20%2F../a%26b.m3u8");
    assertThat(UrlTemplate.unknown("https://x/{track}/{stream}/{talk}")).containsExactly("stream");
  }
}

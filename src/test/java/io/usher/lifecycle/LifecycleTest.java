package io.usher.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.TestSchedule.TestTalk;
import io.usher.TestSchedule;
import io.usher.plan.DesiredState;
import io.usher.plan.Policy;
import io.usher.plan.RoomKey;
import io.usher.plan.RoomKind;
import io.usher.plan.TrackGrouping;
import io.usher.schedule.Conference;
import io.usher.schedule.Talk;
import io.usher.schedule.TalkId;
import io.usher.schedule.frab.PentabarfFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LifecycleTest {
  static final Instant S = Instant.parse("2027-02-06T10:00:00Z");
  static final Policy POLICY = new Policy("lt", "", "example.org", TrackGrouping.TRACK,
      List.of(), List.of(), 50);

  @TempDir Path dir;

  private Lifecycle lifecycle(LifecyclePolicy policy, TestTalk... talks) throws Exception {
    return lifecycle(ZoneId.of("UTC"), policy, talks);
  }

  /** The talks in a conference whose zone is {@code zone} (the instants stay the same). */
  private Lifecycle lifecycle(ZoneId zone, LifecyclePolicy policy, TestTalk... talks)
      throws Exception {
    TestSchedule schedule = new TestSchedule();
    for (TestTalk talk : talks) {
      schedule.add(talk);
    }
    Conference parsed = PentabarfFiles.parse(Optional.empty(),
        schedule.write(dir.resolve("s.xml")));
    Conference conference = new Conference(parsed.title(), parsed.acronym(), zone,
        parsed.days(), parsed.talks(), parsed.source(), parsed.notes());
    return new Lifecycle(conference, DesiredState.of(conference, POLICY, S), POLICY, policy);
  }

  private static Announcement first(Lifecycle lifecycle, Phase phase) {
    PhaseEvent event = lifecycle.phases().stream().filter(e -> e.phase() == phase)
        .findFirst().orElseThrow();
    return lifecycle.announcements(event).get(0);
  }

  private static TestTalk talk(String id, String title, int startMinute, int minutes) {
    return new TestTalk(id, title, "Track", "Room", S.plus(Duration.ofMinutes(startMinute)),
        Duration.ofMinutes(minutes), List.of("Ada"));
  }

  @Test
  void defaultPhasesOfATalk() throws Exception {
    Lifecycle lifecycle = lifecycle(LifecyclePolicy.defaults(), talk("1", "A", 0, 30));
    assertThat(lifecycle.phases()).extracting(PhaseEvent::phase, PhaseEvent::at).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Phase.REMINDER, S.minusSeconds(3600)),
        org.assertj.core.groups.Tuple.tuple(Phase.UP_NEXT, S.minusSeconds(300)),
        org.assertj.core.groups.Tuple.tuple(Phase.START, S),
        org.assertj.core.groups.Tuple.tuple(Phase.END_WARNING, S.plusSeconds(1500)),
        org.assertj.core.groups.Tuple.tuple(Phase.END, S.plusSeconds(1800)));
  }

  @Test
  void qaOnlyWhenConfiguredAndNoWarningBeforeALightningTalkStarts() throws Exception {
    LifecyclePolicy withQa = new LifecyclePolicy(Duration.ofMinutes(60), Duration.ofMinutes(5),
        Optional.of(Duration.ofMinutes(10)), Duration.ofMinutes(5), Duration.ofMinutes(10),
        Map.of());
    Lifecycle lifecycle = lifecycle(withQa, talk("1", "Long", 0, 30), talk("2", "Flash", 30, 5));
    assertThat(lifecycle.phases()).filteredOn(e -> e.talk().value().equals("1"))
        .anyMatch(e -> e.phase() == Phase.QA && e.at().equals(S.plusSeconds(1200)));
    assertThat(lifecycle.phases()).filteredOn(e -> e.talk().value().equals("2"))
        .extracting(PhaseEvent::phase).containsExactly(Phase.REMINDER, Phase.UP_NEXT,
            Phase.START, Phase.END);
  }

  @Test
  void atASharedBoundaryTheEndingTalkIsAnnouncedBeforeTheNextStarts() throws Exception {
    Lifecycle lifecycle = lifecycle(LifecyclePolicy.defaults(), talk("1", "A", 0, 30),
        talk("2", "B", 30, 30));
    assertThat(lifecycle.phases()).filteredOn(e -> e.at().equals(S.plusSeconds(1800)))
        .extracting(e -> e.talk() + "/" + e.phase()).containsExactly("1/END", "2/START");
    assertThat(lifecycle.roomsChangedBy(lifecycle.phases().stream()
        .filter(e -> e.phase() == Phase.END).findFirst().orElseThrow()))
        .containsExactlyInAnyOrder(new RoomKey(RoomKind.TALK, "lt", "1"),
            new RoomKey(RoomKind.TRACK_SPACE, "lt", "track"));
  }

  @Test
  void announcementsEscapeScheduleTextAndLinkRooms() throws Exception {
    Lifecycle lifecycle = lifecycle(LifecyclePolicy.defaults(),
        talk("1", "<img src=x onerror=alert(1)> & more", 0, 30));
    PhaseEvent start = lifecycle.phases().stream().filter(e -> e.phase() == Phase.START)
        .findFirst().orElseThrow();
    List<Announcement> announcements = lifecycle.announcements(start);
    assertThat(announcements).extracting(Announcement::room).containsExactly(
        new RoomKey(RoomKind.TRACK, "lt", "track"), new RoomKey(RoomKind.TALK, "lt", "1"));
    Announcement track = announcements.get(0);
    assertThat(track.body()).contains("“<img src=x onerror=alert(1)> & more” by Ada");
    assertThat(track.html()).doesNotContain("<img")
        .contains("&lt;img src=x onerror=alert(1)&gt; &amp; more");
    assertThat(track.txnId()).isEqualTo("usher.lt.1.start." + S.getEpochSecond() + ".track");
    assertThat(first(lifecycle, Phase.END).html()).doesNotContain("<img")
        .contains("<a href=\"https://matrix.to/#/%23lt-talk-img-src-x-onerror-alert-1-more:"
            + "example.org\">");
  }

  @Test
  void aRehearsalRecordsAndSendsUnderItsOwnNameSoTheDayAndTheNextRehearsalStillAnnounce()
      throws Exception {
    Lifecycle day = lifecycle(LifecyclePolicy.defaults(), talk("1", "A", 0, 30));
    Lifecycle rehearsal = new Lifecycle(day.conference(),
        DesiredState.of(day.conference(), POLICY, S), POLICY, LifecyclePolicy.defaults(),
        "rehearsal-1-2");
    Lifecycle next = new Lifecycle(day.conference(),
        DesiredState.of(day.conference(), POLICY, S), POLICY, LifecyclePolicy.defaults(),
        "rehearsal-1-3");
    PhaseEvent start = rehearsal.phases().stream().filter(e -> e.phase() == Phase.START)
        .findFirst().orElseThrow();

    assertThat(start.recordId()).isEqualTo("rehearsal-1-2/1/start/" + S.getEpochSecond());
    assertThat(first(day, Phase.START).txnId())
        .isEqualTo("usher.lt.1.start." + S.getEpochSecond() + ".track");
    assertThat(rehearsal.announcements(start).get(0).txnId())
        .isEqualTo("usher.lt.rehearsal-1-2.1.start." + S.getEpochSecond() + ".track");
    assertThat(rehearsal.phases()).extracting(PhaseEvent::recordId)
        .doesNotContainAnyElementsOf(day.phases().stream().map(PhaseEvent::recordId).toList())
        .doesNotContainAnyElementsOf(next.phases().stream().map(PhaseEvent::recordId).toList());
    assertThat(rehearsal.announcements(start).get(0).marker().get("io.usher.announcement"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("rehearsal", "rehearsal-1-2");
    assertThat(first(day, Phase.START).marker().get("io.usher.announcement"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .doesNotContainKey("rehearsal");
  }

  @Test
  void aMinuteCountAgreesWithItsNumber() throws Exception {
    LifecyclePolicy oneMinute = new LifecyclePolicy(Duration.ofMinutes(1), Duration.ofMinutes(5),
        Optional.empty(), Duration.ofMinutes(1), Duration.ofMinutes(10), Map.of());
    Lifecycle lifecycle = lifecycle(oneMinute, talk("1", "A", 0, 30));
    assertThat(first(lifecycle, Phase.END_WARNING).body()).startsWith("1 minute left for “A”");
    assertThat(first(lifecycle, Phase.REMINDER).body()).contains("(1 minute from now)");
    assertThat(first(lifecycle(LifecyclePolicy.defaults(), talk("2", "B", 0, 30)),
        Phase.END_WARNING).body()).startsWith("5 minutes left for “B”");
  }

  @Test
  void announcedTimesNameTheConferencesZone() throws Exception {
    Lifecycle lifecycle = lifecycle(ZoneId.of("Europe/Brussels"), LifecyclePolicy.defaults(),
        talk("1", "A", 0, 30));
    assertThat(first(lifecycle, Phase.UP_NEXT).body()).startsWith("Up next at 11:00 CET: ");
    assertThat(first(lifecycle, Phase.START).body()).contains("until 11:30 CET");
    assertThat(first(lifecycle, Phase.END_WARNING).body()).contains("ends at 11:30 CET");
    Talk talk = lifecycle.talk(new TalkId("1")).orElseThrow();
    assertThat(lifecycle.changeNotices(talk, Optional.empty(), S).get(0).body())
        .contains("11:00 CET");
    assertThat(first(lifecycle(LifecyclePolicy.defaults(), talk("2", "B", 0, 30)),
        Phase.UP_NEXT).body()).startsWith("Up next at 10:00 UTC: ");
  }

  @Test
  void theTrackRoomIsNotSentToTheTalkRoomBeforeItIsAHallway() throws Exception {
    Lifecycle lifecycle = lifecycle(LifecyclePolicy.defaults(), talk("1", "A", 0, 30));
    PhaseEvent start = lifecycle.phases().stream().filter(e -> e.phase() == Phase.START)
        .findFirst().orElseThrow();
    Announcement track = lifecycle.announcements(start).get(0);
    assertThat(track.room().kind()).isEqualTo(RoomKind.TRACK);
    assertThat(track.body()).doesNotContain("#lt-talk").contains("hallway")
        .contains("ask your questions here");
    assertThat(track.html()).doesNotContain("matrix.to");
    Announcement end = first(lifecycle, Phase.END);
    assertThat(end.body()).contains("#lt-talk-a:example.org");
  }

  @Test
  void unknownPlaceholdersAreFound() {
    assertThat(LifecyclePolicy.Template.unknownPlaceholders("{title} at {strat} in {room}"))
        .containsExactly("strat");
  }
}

package io.usher.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.SharedSchedules;
import io.usher.plan.DesiredConference;
import io.usher.plan.DesiredState;
import io.usher.plan.DesiredStateTest;
import io.usher.plan.PlannedTrack;
import io.usher.plan.diff.ObservedConference;
import io.usher.plan.diff.Planner;
import io.usher.plan.diff.PlannerTest;
import io.usher.schedule.Conference;
import io.usher.schedule.frab.PentabarfFiles;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RoomMapTest {
  @Test
  void fosdem2021ListsEveryTrackAndTalkWithItsRoom() throws Exception {
    Conference fosdem = DesiredStateTest.fosdem2021();
    DesiredConference desired = DesiredState.of(fosdem, DesiredStateTest.POLICY,
        PlannerTest.BEFORE);
    Planner planner = new Planner("example.org", "@bot:example.org");
    ObservedConference observed = ObservedConference.of("fosdem2021",
        PlannerTest.homeserverMatching(planner, desired));
    List<RoomMap.Entry> map = RoomMap.of(desired, observed, "example.org");

    Map<String, List<RoomMap.Entry>> byKind = map.stream()
        .collect(Collectors.groupingBy(RoomMap.Entry::kind));
    assertThat(byKind.get("talk")).extracting(RoomMap.Entry::talkId)
        .containsExactlyInAnyOrderElementsOf(fosdem.talks().stream()
            .map(t -> t.id().value()).toList());
    assertThat(byKind.get("track")).extracting(RoomMap.Entry::track)
        .containsExactlyInAnyOrderElementsOf(desired.tracks().stream()
            .map(PlannedTrack::name).toList());
    assertThat(byKind.get("backstage")).hasSameSizeAs(desired.tracks());
    assertThat(byKind.get("conference-space")).hasSize(1);
    assertThat(map).allSatisfy(e -> {
      assertThat(e.roomId()).startsWith("!");
      assertThat(e.alias()).startsWith("#").endsWith(":example.org");
      assertThat(e.matrixTo()).startsWith("https://matrix.to/#/%23");
    });
    Set<String> roomIds = map.stream().map(RoomMap.Entry::roomId).collect(Collectors.toSet());
    assertThat(roomIds).hasSize(map.size());
    assertThat(fosdem.talks()).hasSizeGreaterThan(600);
  }

  @Test
  void roomsNotCreatedYetHaveNoRoomId() throws Exception {
    Conference c = PentabarfFiles.parse(Optional.empty(), SharedSchedules.example());
    DesiredConference desired = DesiredState.of(c, DesiredStateTest.POLICY, PlannerTest.BEFORE);
    assertThat(RoomMap.of(desired, ObservedConference.empty(), "example.org"))
        .allSatisfy(e -> assertThat(e.roomId()).isEmpty());
  }
}

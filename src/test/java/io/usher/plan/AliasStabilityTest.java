package io.usher.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.TestSchedule;
import io.usher.TestSchedule.TestTalk;
import io.usher.schedule.Conference;
import io.usher.schedule.frab.PentabarfFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An alias is a function of its room's own identity: changes to other rooms never change it, and
 * a collision is resolved the same way on every run (issue 14, bug 1).
 */
class AliasStabilityTest {
  private static final Instant T = Instant.parse("2026-03-14T10:00:00Z");
  private static final Policy POLICY = new Policy("conf", "", "example.org", TrackGrouping.TRACK,
      List.of(), List.of(), 50);

  @TempDir Path dir;

  private static TestTalk talk(String id, String title, String track, int minutes) {
    return new TestTalk(id, title, track, track + " room", T.plus(Duration.ofMinutes(minutes)),
        Duration.ofMinutes(30), List.of("Speaker " + id));
  }

  private Map<RoomKey, String> aliases(TestSchedule schedule, String name) throws Exception {
    Conference conference = PentabarfFiles.parse(Optional.empty(),
        schedule.write(dir.resolve(name)));
    return DesiredState.of(conference, POLICY, Instant.EPOCH).rooms().stream()
        .collect(Collectors.toMap(DesiredRoom::key, DesiredRoom::aliasLocalpart));
  }

  @Test
  void addingAnUnrelatedTalkChangesNoOtherAlias() throws Exception {
    TestSchedule before = new TestSchedule()
        .add(talk("11", "Intro", "Zeta", 0))
        .add(talk("12", "Intro", "Zeta", 60))
        .add(talk("21", "Keynote", "Beta", 0));
    Map<RoomKey, String> was = aliases(before, "before.xml");
    Map<RoomKey, String> now = aliases(before.add(talk("31", "Unrelated", "Alpha", 0))
        .add(talk("22", "Another", "Beta", 60)), "after.xml");
    was.forEach((key, alias) -> assertThat(now.get(key)).as(key.toString()).isEqualTo(alias));
    assertThat(was.values()).doesNotHaveDuplicates();
  }

  @Test
  void aCollisionIsResolvedTheSameWayWhateverTheOrderOfTheSchedule() throws Exception {
    Map<RoomKey, String> one = aliases(new TestSchedule()
        .add(talk("11", "Intro", "Zeta", 0)).add(talk("12", "Intro", "Zeta", 60)), "a.xml");
    Map<RoomKey, String> other = aliases(new TestSchedule()
        .add(talk("12", "Intro", "Zeta", 0)).add(talk("11", "Intro", "Zeta", 60)), "b.xml");
    RoomKey first = new RoomKey(RoomKind.TALK, "conf", "11");
    RoomKey second = new RoomKey(RoomKind.TALK, "conf", "12");
    assertThat(one.get(first)).isEqualTo("conf-talk-intro").isEqualTo(other.get(first));
    assertThat(one.get(second)).startsWith("conf-talk-intro-").isEqualTo(other.get(second));
  }
}

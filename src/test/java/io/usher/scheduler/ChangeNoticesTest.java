package io.usher.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.TestSchedule;
import io.usher.TestSchedule.TestTalk;
import io.usher.lifecycle.Announcement;
import io.usher.lifecycle.Lifecycle;
import io.usher.lifecycle.LifecyclePolicy;
import io.usher.lifecycle.Phase;
import io.usher.lifecycle.PhaseEvent;
import io.usher.plan.DesiredState;
import io.usher.plan.Policy;
import io.usher.plan.TrackGrouping;
import io.usher.schedule.Conference;
import io.usher.schedule.frab.PentabarfFiles;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notices for talks that moved or were cancelled after people were told about them: the rule of
 * when one is owed, driven by two versions of a schedule and the set of phases already handled.
 */
final class ChangeNoticesTest {
  static final Instant START = Instant.parse("2027-02-06T10:00:00Z");
  static final Policy POLICY = new Policy("cn", "", "example.org", TrackGrouping.TRACK,
      List.of(), List.of(), 50);

  @TempDir Path dir;

  final Set<String> handled = new HashSet<>();
  final List<Announcement> posted = new ArrayList<>();
  final TestSchedule schedule = new TestSchedule()
      .add(talk("1", "Opening", START))
      .add(talk("2", "Closing", START.plus(Duration.ofHours(1))));

  static TestTalk talk(String id, String title, Instant start) {
    return new TestTalk(id, title, "Main", "Janson", start, Duration.ofMinutes(30),
        List.of("Ada"));
  }

  Lifecycle lifecycle(TestSchedule version, String name) throws Exception {
    Conference conference = PentabarfFiles.parse(Optional.empty(),
        version.write(dir.resolve(name)));
    return new Lifecycle(conference, DesiredState.of(conference, POLICY, START), POLICY,
        LifecyclePolicy.defaults());
  }

  /** Marks {@code phase} of talk {@code id} as handled in {@code lifecycle}, as the runner does. */
  void handled(Lifecycle lifecycle, String id, Phase phase) {
    PhaseEvent event = lifecycle.phases().stream()
        .filter(e -> e.talk().value().equals(id) && e.phase() == phase).findFirst().orElseThrow();
    handled.add(event.recordId());
  }

  int post(TestSchedule after, Instant now) throws Exception {
    Lifecycle before = lifecycle(schedule, "before.xml");
    handled(before, "1", Phase.REMINDER);
    ChangeNotices notices =
        new ChangeNotices(Clock.fixed(now, ZoneOffset.UTC), handled::contains);
    return notices.post(before, lifecycle(after, "after.xml"), posted::add);
  }

  @Test
  void aTalkMovedAfterItsReminderGetsANoticeInItsTrackAndTalkRooms() throws Exception {
    Instant later = START.plus(Duration.ofHours(2));

    int talks = post(schedule.moved("1", later), START.minus(Duration.ofMinutes(30)));

    assertThat(talks).isEqualTo(1);
    assertThat(posted).hasSize(2).allSatisfy(a ->
        assertThat(a.body()).isEqualTo(
            "Schedule change: “Opening” has moved to 12:00 UTC (until 12:30 UTC)."));
    assertThat(posted).extracting(a -> a.room().toString()).doesNotHaveDuplicates();
  }

  @Test
  void aTalkCancelledAfterItsReminderGetsACancellation() throws Exception {
    int talks = post(schedule.without("1"), START.minus(Duration.ofMinutes(30)));

    assertThat(talks).isEqualTo(1);
    assertThat(posted).extracting(Announcement::body).containsOnly(
        "Schedule change: “Opening”, due at 10:00 UTC, is cancelled.");
  }

  @Test
  void aChangeBeforeAnyoneWasToldNeedsNoNotice() throws Exception {
    // Talk 2's reminder has not gone out: its announcements will simply follow the new time.
    int talks = post(schedule.moved("2", START.plus(Duration.ofHours(3))),
        START.minus(Duration.ofMinutes(30)));

    assertThat(talks).isZero();
    assertThat(posted).isEmpty();
  }

  @Test
  void anUnchangedScheduleNeedsNoNotice() throws Exception {
    assertThat(post(schedule, START.minus(Duration.ofMinutes(30)))).isZero();
    assertThat(posted).isEmpty();
  }

  @Test
  void aTalkThatHasAlreadyEndedNeedsNoNotice() throws Exception {
    Instant afterItsEnd = START.plus(Duration.ofMinutes(30));

    assertThat(post(schedule.without("1"), afterItsEnd)).isZero();
    assertThat(posted).isEmpty();
  }

  @Test
  void theTransactionIdsAreStableSoARepeatedRefreshIsRecognised() throws Exception {
    Instant later = START.plus(Duration.ofHours(2));
    post(schedule.moved("1", later), START.minus(Duration.ofMinutes(30)));
    List<String> first = posted.stream().map(Announcement::txnId).toList();
    posted.clear();

    post(schedule.moved("1", later), START.minus(Duration.ofMinutes(20)));

    assertThat(posted).extracting(Announcement::txnId).isEqualTo(first);
  }
}

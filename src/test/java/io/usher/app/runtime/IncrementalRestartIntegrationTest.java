package io.usher.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.TestSchedule;
import io.usher.TestSchedule.TestTalk;
import io.usher.apply.ObservedStateReader.ReadKind;
import io.usher.matrix.MatrixClient;
import io.usher.plan.RoomKey;
import io.usher.plan.RoomKind;
import io.usher.plan.StateTypes;
import io.usher.plan.diff.Action;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restarted bot reads only what changed since its last reading (an incremental {@code /sync}
 * from the kept {@code next_batch}) and still sees a room created, a room changed and a room
 * left while it was down. On the real Synapse.
 */
class IncrementalRestartIntegrationTest {
  @TempDir Path dir;

  private static TestTalk talk(String id, String track, Instant start) {
    return new TestTalk(id, "Talk " + id, track, track + " room", start, Duration.ofMinutes(30),
        List.of("Speaker " + id));
  }

  @Test
  void aRestartReadsTheChangesAndSeesRoomsCreatedChangedAndLeftMeanwhile() throws Exception {
    Instant later = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(1));
    TestSchedule v1 = new TestSchedule().add(talk("1", "Main", later))
        .add(talk("2", "Main", later.plus(Duration.ofHours(1))))
        .add(talk("3", "Side", later));
    Path schedule = dir.resolve("schedule.xml");
    LiveBotFixture fixture = new LiveBotFixture(dir, v1.write(schedule), "");
    Instant now = Instant.now();
    assertThat(Applied.apply(fixture.config, now).result().failures()).isEmpty();
    Applied before = Applied.planned(fixture.config, now);
    assertThat(before.plan().actions()).isEmpty();
    assertThat(before.run().bot().reader().lastRead()).isEqualTo(ReadKind.CHANGES);
    ReadingFile reading = ReadingFile.of(System.getenv(), fixture.synapse.url,
        fixture.reader.whoami(), fixture.conferenceId);
    Path kept = dir.resolve("kept.json");
    Files.copy(reading.file(), kept);

    // While the bot is down: another process adds a talk (a room made), an organiser edits a
    // track room's topic, and the bot leaves talk 2's room.
    v1.add(talk("4", "Side", later.plus(Duration.ofHours(2)))).write(schedule);
    assertThat(Applied.apply(fixture.config, now).result().failures()).isEmpty();
    Files.copy(kept, reading.file(), StandardCopyOption.REPLACE_EXISTING);
    String track = fixture.roomId(RoomKind.TRACK, "main");
    MatrixClient organiser = fixture.synapse.admin();
    organiser.join(track);
    organiser.putState(track, StateTypes.TOPIC, "", Map.of("topic", "edited by hand"));
    fixture.reader.leave(fixture.roomId(RoomKind.TALK, "2"));

    Applied restarted = Applied.planned(fixture.config, now);
    // Reads changes only; talk 2's alias still names the room left, so the plan reads again
    // for the catch-up's 2 s in case that room were one just made (see Reconciler.observe).
    assertThat(restarted.run().bot().reader().lastRead()).isEqualTo(ReadKind.CHANGES);
    List<Action> actions = restarted.plan().actions();
    assertThat(actions).filteredOn(a -> a instanceof Action.CreateRoom)
        .as("only the room left is missing; talk 4's room, made meanwhile, is seen")
        .extracting(a -> ((Action.CreateRoom) a).desired().key())
        .containsExactly(new RoomKey(RoomKind.TALK, fixture.conferenceId, "2"));
    assertThat(actions).as("the edited topic is seen, and set back")
        .anyMatch(a -> a instanceof Action.PutState put && put.type().equals(StateTypes.TOPIC)
            && put.room().equals(new RoomKey(RoomKind.TRACK, fixture.conferenceId, "main")));
  }
}

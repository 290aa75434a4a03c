package io.usher.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.matrix.StateEvent;
import io.usher.matrix.SyncResponse;
import io.usher.matrix.SyncResponse.JoinedRoom;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A kept reading brought up to date by an incremental {@code /sync}. */
class ReadingTest {
  private static StateEvent topic(String text) {
    return new StateEvent("m.room.topic", "", Map.of("topic", text));
  }

  private static final StateEvent NAME = new StateEvent("m.room.name", "", Map.of("name", "A"));

  private final Reading kept = Reading.of("k", new SyncResponse("s1", Map.of(
      "!a:test", new JoinedRoom(List.of(NAME, topic("old")), List.of(), Map.of()),
      "!b:test", new JoinedRoom(List.of(NAME), List.of(), Map.of(Announcer.RECORD_TYPE,
          Map.of("announced", Map.of("x", Map.of())))))));

  @Test
  void changedStateReplacesItsSlotAndKeepsTheRest() {
    Reading now = kept.plus(new SyncResponse("s2", Map.of("!a:test",
        new JoinedRoom(List.of(topic("mid"), topic("new")), List.of(), Map.of()))));
    assertThat(now.nextBatch()).isEqualTo("s2");
    assertThat(now.state().get("!a:test")).containsExactlyInAnyOrder(NAME, topic("new"));
    assertThat(now.state().get("!b:test")).containsExactly(NAME);
    assertThat(now.records()).containsKey("!b:test");
  }

  @Test
  void aRoomLeftIsDroppedWithItsRecordsAndARoomJoinedIsAdded() {
    Reading now = kept.plus(new SyncResponse("s2", Map.of("!c:test",
        new JoinedRoom(List.of(NAME), List.of(), Map.of())), Set.of("!b:test")));
    assertThat(now.state()).containsOnlyKeys("!a:test", "!c:test");
    assertThat(now.records()).isEmpty();
  }
}

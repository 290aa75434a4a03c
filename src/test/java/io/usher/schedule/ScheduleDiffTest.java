package io.usher.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.TestSchedule.TestTalk;
import io.usher.TestSchedule;
import io.usher.schedule.frab.PentabarfFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduleDiffTest {
  static final Instant T = Instant.parse("2026-02-01T10:00:00Z");
  @TempDir Path dir;

  static TestTalk talk(String id, String title, String track, int startMinutes) {
    return new TestTalk(id, title, track, "K.1.105", T.plus(Duration.ofMinutes(startMinutes)),
        Duration.ofMinutes(30), List.of("Ann"));
  }

  Conference parse(TestSchedule schedule, String name) throws Exception {
    return PentabarfFiles.parse(Optional.of(ZoneId.of("UTC")),
        schedule.write(dir.resolve(name)));
  }

  @Test
  void addedChangedFieldByFieldAndCancelledTalksByEventId() throws Exception {
    Conference v1 = parse(new TestSchedule().add(talk("1", "Opening", "Main", 0))
        .add(talk("2", "Old title", "Main", 30)).add(talk("3", "Dropped", "Main", 60))
        .add(talk("4", "Wanderer", "Main", 90)), "v1.xml");
    Conference v2 = parse(new TestSchedule().add(talk("1", "Opening", "Main", 15))
        .add(talk("2", "New title", "Main", 30)).add(talk("4", "Wanderer", "Side", 90))
        .add(talk("5", "Late addition", "Side", 120)), "v2.xml");
    assertThat(ScheduleDiff.lines(v1, v2)).containsExactly(
        "added: 1",
        "  + 5 \"Late addition\" Sun 1 Feb 12:00, K.1.105",
        "changed: 3",
        "  ~ 1 \"Opening\": start \"Sun 1 Feb 10:00\" → \"Sun 1 Feb 10:15\"",
        "  ~ 2 \"New title\": title \"Old title\" → \"New title\"",
        "  ~ 4 \"Wanderer\": track \"Main\" → \"Side\"",
        "cancelled: 1",
        "  - 3 \"Dropped\" (was Sun 1 Feb 11:00, K.1.105)");
    assertThat(ScheduleDiff.lines(v1, v1)).isEmpty();
  }
}

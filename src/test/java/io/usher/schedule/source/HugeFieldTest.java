package io.usher.schedule.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.schedule.ScheduleException;
import org.junit.jupiter.api.Test;

/** A 5 MB title is refused when the schedule is read, before any request (issue 15, item 8). */
class HugeFieldTest {
  @Test
  void aFiveMegabyteTitleIsRefusedAtItsEventWithoutQuotingIt() {
    String xml = """
        <schedule><conference><title>T</title><time_zone_name>UTC</time_zone_name></conference>
        <day index="1" date="2026-02-01"><room name="A">
        <event id="7"><start>10:00</start><duration>01:00</duration><room>A</room>
          <title>%s</title></event>
        </room></day></schedule>
        """.formatted("Very long title ".repeat(320_000)); // stripped of its last space
    assertThatThrownBy(() -> ScheduleFormatsTest.parseText(xml, "s.xml"))
        .isInstanceOf(ScheduleException.class)
        .hasMessageStartingWith("s.xml:3: event 7: title is 5119999 bytes (UTF-8)")
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
  }
}

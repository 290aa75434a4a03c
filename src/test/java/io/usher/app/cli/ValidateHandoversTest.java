package io.usher.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.SharedSchedules;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * {@code usher validate --handovers}: the instants where a talk ends and another starts, which
 * scripts/demo rehearses; read from the example schedule, contacting no homeserver.
 */
final class ValidateHandoversTest {

  @Test
  void theExampleHandsOverAtHalfPastTenAtElevenAndAfterMidnight() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "validate",
        SharedSchedules.example().toString(), "--handovers");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString().lines().filter(l -> l.startsWith("handover: "))).containsExactly(
        "handover: 2026-03-14T10:30:00+01:00 ends 201 “Writing Matrix bots in Java”; starts 202"
            + " “Widgets beside the chat”",
        "handover: 2026-03-14T11:00:00+01:00 ends 202 “Widgets beside the chat”; starts 203"
            + " “From talk room to hallway”",
        "handover: 2026-03-15T00:30:00+01:00 ends 301 “Late-night BoF: schedules across"
            + " midnight”; starts 302 “After midnight, still day one”");
  }

  @Test
  void withoutTheOptionValidateSaysNothingOfThem() {
    StringWriter out = new StringWriter();
    Main.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "validate",
        SharedSchedules.example().toString());

    assertThat(out.toString()).doesNotContain("handover:");
  }
}

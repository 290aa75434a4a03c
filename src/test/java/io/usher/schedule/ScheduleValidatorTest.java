package io.usher.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the validator refuses and what it only warns about (issue 15, items 7 and 8): an
 * implausibly long talk is a warning; a field too long for any Matrix event is an error, found
 * before any write instead of as a 413 in the middle of an apply.
 */
class ScheduleValidatorTest {
  static final ScheduleValidator VALIDATOR = new ScheduleValidator();
  static final Instant START = Instant.parse("2026-02-01T10:00:00Z");

  static Talk talk(String id, int line, Duration duration, String title, List<Person> persons) {
    return new Talk(new TalkId(id), "slug-" + id, title, "", "Track", "", "Room", START,
        duration, "", persons, new SourceLocation("s.xml", line));
  }

  static Conference conference(Talk... talks) {
    return new Conference("T", "", ZoneOffset.UTC, List.of(), List.of(talks), "s.xml",
        List.of());
  }

  @Test
  void aTalkOverADayIsAWarningNamingTheEventAndItsLine() throws Exception {
    Conference c = conference(talk("1", 3, Duration.ofHours(99), "Marathon", List.of()),
        talk("2", 9, Duration.ofHours(24), "A long day", List.of()));
    VALIDATOR.validate(c);
    assertThat(VALIDATOR.warnings(c)).extracting(Object::toString)
        .contains("s.xml:3: event 1 lasts 99 h 0 min, more than 24 h: is its duration right?")
        .noneMatch(w -> w.contains("event 2 lasts"));
  }

  @Test
  void aFieldTooLongForAnyMatrixEventIsAnErrorNamingTheEventAndField() {
    String huge = "x".repeat(5_000_000);
    Conference c = conference(talk("1", 3, Duration.ofMinutes(30), huge, List.of()),
        new Talk(new TalkId("2"), "", "Fine", "", "Track", "", "Room", START,
            Duration.ofMinutes(30), huge, List.of(new Person(new PersonId("p"), huge)),
            new SourceLocation("s.xml", 9)));
    assertThatThrownBy(() -> VALIDATOR.validate(c))
        .isInstanceOf(ScheduleException.class)
        .hasMessage(String.join("\n",
            "s.xml:3: event 1: title is 5000000 bytes (UTF-8); at most 32256 fit in a Matrix"
                + " event (65536 bytes in all)",
            "s.xml:9: event 2: abstract is 5000000 bytes (UTF-8); at most 32256 fit in a"
                + " Matrix event (65536 bytes in all)",
            "s.xml:9: event 2: person p's name is 5000000 bytes (UTF-8); at most 32256 fit in"
                + " a Matrix event (65536 bytes in all)"));
  }

  @Test
  void theBoundIsCountedInUtf8Bytes() throws Exception {
    int bound = ScheduleValidator.MAX_FIELD_BYTES;
    VALIDATOR.validate(conference(talk("1", 3, Duration.ofMinutes(30), "x".repeat(bound),
        List.of())));
    // "é" is two bytes in UTF-8: half as many characters reach the bound.
    String accents = "é".repeat(bound / 2 + 1);
    assertThatThrownBy(() -> VALIDATOR.validate(conference(talk("1", 3,
        Duration.ofMinutes(30), accents, List.of()))))
        .hasMessageContaining("title is " + (bound + 2) + " bytes (UTF-8)");
  }
}

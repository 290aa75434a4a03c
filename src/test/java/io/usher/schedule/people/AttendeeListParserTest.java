package io.usher.schedule.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.schedule.Attendee;
import io.usher.schedule.ScheduleException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttendeeListParserTest {
  @TempDir Path dir;

  List<Attendee> parse(String text) throws Exception {
    return new AttendeeListParser().parse(Files.writeString(dir.resolve("list.tsv"), text));
  }

  @Test
  void withoutAHeaderColumnsAreNameEmailCode() throws Exception {
    List<Attendee> attendees = parse("Jane Doe\tjane@example.org\tR-1\n\nBob\tbob@example.org\n");
    assertThat(attendees).extracting(Attendee::name, Attendee::email, Attendee::registrationCode)
        .containsExactly(Tuple.tuple("Jane Doe", "jane@example.org", "R-1"),
            Tuple.tuple("Bob", "bob@example.org", ""));
    assertThat(attendees.get(1).location().line()).isEqualTo(3);
  }

  @Test
  void aHeaderLineChoosesTheColumnOrder() throws Exception {
    List<Attendee> attendees = parse(
        "Registration Code\tE-Mail\tName\nR-7\tcora@example.org\tCora\n");
    assertThat(attendees).singleElement().satisfies(cora -> {
      assertThat(cora.name()).isEqualTo("Cora");
      assertThat(cora.email()).isEqualTo("cora@example.org");
      assertThat(cora.registrationCode()).isEqualTo("R-7");
      assertThat(cora.location().toString()).endsWith("list.tsv:2");
    });
  }

  @Test
  void everyRowWithoutAnAddressIsReportedWithItsLine() {
    assertThatThrownBy(() -> parse("Jane\tjane at example\nBob\tbob@example.org\nX\t\n"))
        .isInstanceOf(ScheduleException.class)
        .satisfies(e -> assertThat(((ScheduleException) e).problems()).hasSize(2))
        .hasMessageContaining("list.tsv:1: 'jane at example' is not an e-mail address")
        .hasMessageContaining("list.tsv:3: '' is not an e-mail address");
  }

  @Test
  void aMissingFileIsAnError() {
    assertThatThrownBy(() -> new AttendeeListParser().parse(dir.resolve("absent.tsv")))
        .isInstanceOf(ScheduleException.class)
        .hasMessageContaining("absent.tsv: cannot read the registration list");
  }
}

package io.usher.schedule.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.schedule.People;
import io.usher.schedule.PersonEntry;
import io.usher.schedule.Role;
import io.usher.schedule.ScheduleException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PeopleFileParserTest {
  final PeopleFileParser parser = new PeopleFileParser();

  @Test
  void csvWithHeadersInAnyOrderAndCase() throws Exception {
    People people = parser.parse("""
        Matrix ID,Person,Role,Talk,Track,E-mail
        @jane:example.org,1234,,,,
        @bob:example.org,Bob,host,11234,,
        "@cora:example.org","Cora, Coordinator",coordinator,,"Rust, Go and C",cora@example.org
        """, "people.csv");
    assertThat(people.entries()).hasSize(3);
    PersonEntry cora = people.entries().get(2);
    assertThat(cora.person()).isEqualTo("Cora, Coordinator");
    assertThat(cora.role()).contains(Role.COORDINATOR);
    assertThat(cora.track()).isEqualTo("Rust, Go and C");
    assertThat(cora.email()).contains("cora@example.org");
    assertThat(cora.location().line()).isEqualTo(4);
    assertThat(people.entries().get(0).role()).isEmpty();
  }

  @Test
  void yamlWithSeveralRolesPerPerson() throws Exception {
    People people = parser.parse("""
        people:
          - person: Jane Doe
            matrix_id: "@jane:example.org"
            roles:
              - {role: host, talk: "11234"}
              - {role: track manager, track: Rust}
          - email: ann@example.org
            name: Ann
        """, "people.yaml");
    assertThat(people.entries()).extracting(PersonEntry::role).containsExactly(
        Optional.of(Role.HOST), Optional.of(Role.TRACK_MANAGER), Optional.empty());
    assertThat(people.entries().get(0).location().line()).isEqualTo(2);
    assertThat(people.entries().get(2).key()).isEqualTo("ann@example.org");
    assertThat(people.entries().get(2).label()).isEqualTo("Ann");
  }

  @Test
  void everyProblemIsReportedWithItsLine() {
    assertThatThrownBy(() -> parser.parse("""
        person,matrix_id,email,role,track,talk,colour
        Jane,jane,,,,,
        Bob,@bob:x.org,not-an-email,,,,
        Cora,@cora:x.org,,boss,Rust,,
        Dan,@dan:x.org,,host,,,
        ,,,,,,
        """, "people.csv"))
        .isInstanceOf(ScheduleException.class)
        .hasMessageContaining("people.csv:1: unknown column 'colour' (expected person, name,"
            + " matrix_id, email, role, track, talk)")
        .hasMessageContaining("people.csv:2: matrix_id: 'jane' is not a Matrix user id")
        .hasMessageContaining("people.csv:3: email: 'not-an-email' is not an e-mail address")
        .hasMessageContaining("people.csv:4: role: 'boss' is not a role (expected one of"
            + " speaker, host, coordinator, track_manager)")
        .hasMessageContaining("people.csv:5: role host: give exactly one of track and talk");
  }
}

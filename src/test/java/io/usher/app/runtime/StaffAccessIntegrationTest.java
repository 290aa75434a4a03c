package io.usher.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.TestSchedule;
import io.usher.TestSchedule.TestTalk;
import io.usher.app.cli.Main;
import io.usher.matrix.MatrixClient;
import io.usher.matrix.MatrixException;
import io.usher.plan.RoomKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Organisers reach every backstage and talk room without an invite to each: they are invited to
 * the staff space once, and the private rooms' restricted join rule lets its members in. Others
 * still cannot join. On the real Synapse.
 */
class StaffAccessIntegrationTest {
  @TempDir Path dir;

  @Test
  void anOrganiserInTheStaffSpaceJoinsPrivateRoomsUninvited() throws Exception {
    Instant later = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(1));
    Path schedule = new TestSchedule().add(new TestTalk("1", "Opening", "Main", "Janson", later,
        Duration.ofMinutes(30), List.of("Ada"))).write(dir.resolve("schedule.xml"));
    LiveBotFixture fixture = new LiveBotFixture(dir, schedule, "");
    assertThat(Main.run(new PrintWriter(new StringWriter(), true),
        new PrintWriter(new StringWriter(), true), "apply", "-c", fixture.config.toString()))
        .isEqualTo(0);
    MatrixClient organiser = fixture.synapse.admin();
    String backstage = fixture.roomId(RoomKind.BACKSTAGE, "main");
    String talk = fixture.roomId(RoomKind.TALK, "1");
    MatrixClient stranger = fixture.synapse.user("stranger");
    assertThatThrownBy(() -> stranger.join(backstage)).isInstanceOf(MatrixException.class);
    assertThatThrownBy(() -> organiser.join(backstage)).as("not yet in the staff space")
        .isInstanceOf(MatrixException.class);

    organiser.join(fixture.roomId(RoomKind.STAFF_SPACE, ""));

    assertThat(organiser.join(backstage)).isEqualTo(backstage);
    assertThat(organiser.join(talk)).isEqualTo(talk);
    assertThatThrownBy(() -> stranger.join(talk)).isInstanceOf(MatrixException.class);
  }
}

package io.usher.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.LocalSynapse;
import io.usher.SharedSchedules;
import io.usher.app.config.TestConfigs;
import io.usher.matrix.MatrixClient;
import io.usher.matrix.SynapseAdmin;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code usher onboard} with 1000 generated attendees on the real Synapse, run twice. */
class OnboardIntegrationTest {
  @TempDir Path dir;

  @Test
  void thousandAttendeesGetMappedAccountsOnceAndASpaceInviteAndConflictsAreReported()
      throws Exception {
    LocalSynapse synapse = LocalSynapse.get();
    MatrixClient bot = synapse.bot();
    String conf = "on" + UUID.randomUUID().toString().substring(0, 8);
    String domain = conf + ".Example.ORG";
    Path config = TestConfigs.write(dir, synapse, conf, "Europe/Brussels",
        SharedSchedules.example(), "onboarding:\n  per_second: 500\n");
    assertThat(run("apply", "-c", config.toString(), "--at", "2026-03-01T00:00:00Z")).isZero();

    List<String> lines = new ArrayList<>(List.of("Name\tE-mail\tRegistration code"));
    for (int i = 0; i < 1000; i++) {
      String local = switch (i % 4) {
        case 0 -> "Attendee." + i;
        case 1 -> "attendee+fosdem" + i;
        case 2 -> "Zoë.Müller" + i;
        default -> "attendee" + i;
      };
      lines.add("Attendee " + i + "\t" + local + "@" + domain + "\tREG-" + i);
    }
    lines.add("Pat O'Neil\to'neil@" + domain + "\tREG-X");
    lines.add("Pat O_Neil\to_neil@" + domain + "\tREG-Y");
    Path list = dir.resolve("attendees.tsv");
    Files.write(list, lines);

    StringWriter out = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
        "onboard", "-c", config.toString(), list.toString());
    String first = out.toString();
    assertThat(code).as(first).isEqualTo(1);
    assertThat(first).containsPattern("Onboarded 1002 attendees in [0-9.]+ s \\([0-9.]+"
            + " accounts/s\\): 1000 created, 2 conflict; 1000 invited to the conference space")
        .contains("o'neil@" + domain + ": conflict: maps to @o_neil." + conf
            + ".example.org:localhost like o_neil@" + domain)
        .contains("o_neil@" + domain + ": conflict");

    String lower = conf + ".example.org:localhost";
    Set<String> accounts = new HashSet<>(new SynapseAdmin(bot).userIds());
    for (int i = 0; i < 1000; i++) {
      String expected = switch (i % 4) {
        case 0 -> "@attendee." + i + "." + lower;
        case 1 -> "@attendee+fosdem" + i + "." + lower;
        case 2 -> "@zoe.muller" + i + "." + lower;
        default -> "@attendee" + i + "." + lower;
      };
      assertThat(accounts).contains(expected);
    }
    assertThat(accounts).doesNotContain("@o_neil." + lower);
    assertThat(new SynapseAdmin(bot).user("@zoe.muller2." + lower).orElseThrow())
        .containsEntry("displayname", "Attendee 2");

    List<String> mapping = Files.readAllLines(dir.resolve("attendees.matrix-ids.csv"));
    assertThat(mapping).hasSize(1003).first().isEqualTo(
        "email,matrix_id,name,registration_code,status");
    assertThat(mapping).anySatisfy(line -> assertThat(line.replace("\"", "")).isEqualTo(
        "Zoë.Müller2@" + domain + ",@zoe.muller2." + lower + ",Attendee 2,REG-2,created"));

    String space = bot.resolveAlias("#" + conf + ":localhost").orElseThrow();
    long invited = bot.members(space).stream()
        .filter(m -> "invite".equals(m.content().get("membership"))).count();
    assertThat(invited).isEqualTo(1000);

    StringWriter again = new StringWriter();
    Main.run(new PrintWriter(again, true), new PrintWriter(new StringWriter(), true),
        "onboard", "-c", config.toString(), list.toString());
    assertThat(again.toString()).contains("1000 existing, 2 conflict; 0 invited")
        .doesNotContain(" created").doesNotContain("adminPutUser");
  }

  private static int run(String... args) {
    return Main.run(new PrintWriter(new StringWriter(), true),
        new PrintWriter(new StringWriter(), true), args);
  }
}

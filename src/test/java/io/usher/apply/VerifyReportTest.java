package io.usher.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.plan.RoomKey;
import io.usher.plan.RoomKind;
import io.usher.plan.people.Contact;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerifyReportTest {
  private static final RoomKey TALK = new RoomKey(RoomKind.TALK, "conf", "201");
  private static final Contact GIL = new Contact("Gil", Optional.empty(),
      Optional.of("gil@example.org"));
  private static final Contact ANA = new Contact("Ana", Optional.of("@ana:hs"), Optional.empty());

  @Test
  void anEmailedPersonWhoBoundTheAddressIsNamedWithTheMatrixIdTheirStatusIsOf() {
    VerifyReport report = new VerifyReport("conf", Optional.empty(), List.of(
        new VerifyReport.Entry(TALK, "!t:hs", "Talk", GIL, Set.of("host"), PersonStatus.JOINED,
            Optional.of("@gil:hs")),
        new VerifyReport.Entry(TALK, "!t:hs", "Talk", ANA, Set.of("speaker"),
            PersonStatus.INVITED, Optional.empty())), List.of());

    assertThat(report.render()).contains(
        "    joined          Gil (gil@example.org) bound to @gil:hs  host\n",
        "    invited         Ana (@ana:hs)  speaker\n",
        "    missing: Ana (invited)\n",
        "  Gil (gil@example.org) bound to @gil:hs: joined 1\n")
        .doesNotContain("note:");
  }

  @Test
  void aNoteIsRenderedOnceUnderTheHeading() {
    VerifyReport report = new VerifyReport("conf", Optional.empty(), List.of(
        new VerifyReport.Entry(TALK, "!t:hs", "Talk", GIL, Set.of("host"),
            PersonStatus.EMAIL_INVITED, Optional.empty())), List.of("the lookup failed"));

    assertThat(report.render()).startsWith("Verify conf: 1 people in 1 rooms\n"
        + "  note: the lookup failed\n").containsOnlyOnce("the lookup failed");
  }
}

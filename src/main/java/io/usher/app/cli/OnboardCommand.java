package io.usher.app.cli;

import io.usher.app.config.BadInputException;
import io.usher.app.config.OnboardingSettings;
import io.usher.app.config.Settings;
import io.usher.app.runtime.BotSession;
import io.usher.matrix.MatrixException;
import io.usher.matrix.PacedRoute;
import io.usher.matrix.SynapseAdmin;
import io.usher.onboard.Onboarding;
import io.usher.onboard.OnboardingReport;
import io.usher.schedule.Attendee;
import io.usher.schedule.People;
import io.usher.schedule.ScheduleException;
import io.usher.schedule.people.AttendeeListParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code usher onboard attendees.tsv}: attendee accounts ahead of the event. */
@Command(name = "onboard", description = "Create attendees' Matrix accounts from a registration"
    + " list (name, e-mail, registration code; tab-separated) through the Synapse admin API,"
    + " invite them to the conference space, and write an e-mail to Matrix id mapping file.")
final class OnboardCommand implements Callable<Integer> {
  @Mixin Output output;

  @Mixin ConferenceOptions options;

  @Parameters(paramLabel = "ATTENDEES", description = "The registration list (TSV).")
  Path attendees;

  @Option(names = "--mapping", description = "Where to write the mapping (CSV: email,"
      + " matrix_id, name, registration_code, status); default: beside the list,"
      + " <name>.matrix-ids.csv.")
  Path mappingFile;

  @Override
  public Integer call() throws IOException {
    Settings settings = options.settings();
    List<Attendee> list = read(attendees);
    // Onboarding plans no rooms: the people file plays no part in it.
    BotSession session = BotSession.open(settings, People.none(), output.err());
    OnboardingSettings onboarding = settings.onboarding();
    session.client.pace(PacedRoute.ADMIN_PUT_USER, onboarding.perSecond());
    session.client.pace(PacedRoute.INVITE, onboarding.perSecond());
    Optional<String> space = onboarding.inviteToSpace()
        ? session.client.resolveAlias(session.spaceAlias()) : Optional.empty();
    if (onboarding.inviteToSpace() && space.isEmpty()) {
      output.err().println("! " + session.spaceAlias() + " does not exist yet: accounts are"
          + " made, but nobody is invited; run apply, then onboard again to invite");
    }
    OnboardingReport report;
    try {
      report = new Onboarding(new SynapseAdmin(session.client), session.client,
          onboarding.mapping(), session.me.serverName(), 8, line -> {
            output.err().println(line);
            output.err().flush();
          }).run(list, space);
    } catch (MatrixException e) {
      throw new BadInputException("onboard needs a Synapse server admin's access token (the"
          + " admin API answered: " + e.getMessage() + ")", e);
    }
    Path target = mappingFile != null ? mappingFile : defaultMapping(attendees);
    writeMapping(target, report);
    output.out().print(report.summary());
    output.out().println("Mapping: " + target);
    output.out().println(session.requestSummary());
    return report.ok() ? 0 : 1;
  }

  private static List<Attendee> read(Path file) {
    try {
      return new AttendeeListParser().parse(file);
    } catch (ScheduleException e) {
      throw new BadInputException("invalid registration list:\n" + e.getMessage(), e);
    }
  }

  private static Path defaultMapping(Path list) {
    String name = list.getFileName().toString().replaceAll("\\.[^.]*$", "");
    return list.toAbsolutePath().resolveSibling(name + ".matrix-ids.csv");
  }

  /** Every attendee; the Matrix id only for those who have an account that is theirs. */
  static void writeMapping(Path target, OnboardingReport report) throws IOException {
    CsvFiles.write(target, List.of("email", "matrix_id", "name", "registration_code", "status"),
        report.outcomes().stream().map(o -> List.of(o.attendee().email(),
            o.hasAccount() ? o.userId() : "", o.attendee().name(),
            o.attendee().registrationCode(), o.status().label())).toList());
  }
}

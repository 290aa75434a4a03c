package io.usher.app.cli;

import io.usher.app.runtime.DoctorReport;
import io.usher.app.runtime.HomeserverDoctor;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code usher doctor}: the homeserver settings Usher depends on, read without changing
 * anything ({@link HomeserverDoctor}). Needs the config only, not the schedule.
 */
@Command(name = "doctor", description = {"Read from the homeserver the settings Usher depends"
    + " on (public room list, guest access, the bot's rate limits, room version) and say, for"
    + " each, ok, missing with the homeserver.yaml lines to add, or cannot tell. Changes"
    + " nothing on the homeserver.",
    "Exit codes: 0 nothing missing, 1 something missing (or the homeserver cannot be used),"
        + " 2 bad config."})
final class DoctorCommand implements Callable<Integer> {
  @Mixin Output output;

  @Option(names = {"-c", "--config"}, defaultValue = "usher.yaml",
      description = "Config file (default: ${DEFAULT-VALUE}).")
  Path config;

  @Override
  public Integer call() {
    DoctorReport report = HomeserverDoctor.examine(ConferenceOptions.configured(config),
        output.err());
    output.out().print(report.render());
    output.out().flush();
    return report.allWell() ? 0 : 1;
  }
}

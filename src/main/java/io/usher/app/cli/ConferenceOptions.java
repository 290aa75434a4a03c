package io.usher.app.cli;

import io.usher.app.config.BadInputException;
import io.usher.app.config.ConfigException;
import io.usher.app.config.ConfigLoader;
import io.usher.app.config.Settings;
import io.usher.app.runtime.CommandRun;
import io.usher.app.runtime.Inputs;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import picocli.CommandLine.Option;

/** Options shared by commands that read the config and the schedule. */
final class ConferenceOptions {
  @Option(names = {"-c", "--config"}, defaultValue = "usher.yaml",
      description = "Config file (default: ${DEFAULT-VALUE}).")
  Path config;

  @Option(names = "--schedule", description = "Use this schedule file or URL instead of the"
      + " config's conference.schedule.")
  String schedule;

  @Option(names = "--at", description = "Plan for this time instead of now (ISO-8601, e.g."
      + " 2026-02-01T10:00:00Z, or local time in the conference's zone, 2026-02-01T10:00):"
      + " talks ended by then are hallways.")
  String at;

  /** The instant the desired state is for: --at, else now. */
  Instant at(Settings settings) {
    return at == null ? Instant.now() : Times.parse(at, settings.timeZone(), "--at");
  }

  /**
   * Reads config, people file and schedule (bad input stops here), then connects to the
   * homeserver, with the desired state for {@code --at}.
   */
  CommandRun open(PrintWriter err) {
    Inputs inputs = Inputs.read(settings());
    return CommandRun.open(inputs, err, at(inputs.settings()));
  }

  /** The validated settings, with --schedule applied. */
  Settings settings() {
    Settings settings = configured();
    return schedule == null ? settings : settings.withSchedule(schedule);
  }

  /** The validated settings as the config file has them, without --schedule. */
  Settings configured() {
    return configured(config);
  }

  /** The validated settings of {@code file}; a bad config becomes a {@link BadInputException}. */
  static Settings configured(Path file) {
    try {
      return new ConfigLoader().load(file);
    } catch (ConfigException e) {
      throw new BadInputException("invalid config:\n" + e.getMessage(), e);
    }
  }
}

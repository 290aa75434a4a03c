package io.usher.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code usher X --help} and {@code -h} print X's usage and exit 0, for every subcommand. The
 * commands come from picocli's own model, so a command added to {@link UsherCommand} is covered
 * without touching this test. No homeserver, config or schedule is needed: help stops before any.
 */
final class HelpTest {

  static Stream<String> subcommands() {
    return new CommandLine(new UsherCommand()).getSubcommands().keySet().stream();
  }

  static Stream<Arguments> subcommandsAndHelpFlags() {
    return subcommands()
        .flatMap(name -> Stream.of(Arguments.of(name, "--help"), Arguments.of(name, "-h")));
  }

  @Test
  void theSubcommandsAreReadFromPicocli() {
    // Guards the test itself: an empty list would pass every parameterized case vacuously.
    assertThat(subcommands()).contains("plan", "apply", "run", "validate", "verify");
  }

  @ParameterizedTest(name = "usher {0} {1}")
  @MethodSource("subcommandsAndHelpFlags")
  void printsTheUsageOfTheCommandAndItsOptionsAndExitsZero(String command, String flag) {
    CliRun run = CliRun.of(command, flag);

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).startsWith("Usage: usher " + command + " ").contains("-h, --help");
    CommandSpec spec = spec(command);
    for (OptionSpec option : spec.options()) {
      assertThat(run.out()).as("usage of %s names %s", command, option.longestName())
          .contains(option.longestName());
    }
    for (PositionalParamSpec parameter : spec.positionalParameters()) {
      assertThat(run.out()).contains(parameter.paramLabel());
    }
  }

  @ParameterizedTest(name = "usher {0} --version")
  @MethodSource("subcommands")
  void printsTheVersionRatherThanAnEmptyLine(String command) {
    // The standard -V is offered on every subcommand, so it must say something there too.
    CliRun run = CliRun.of(command, "--version");

    assertThat(run.exit()).isZero();
    assertThat(run.out()).startsWith("usher ");
  }

  private static CommandSpec spec(String command) {
    return new CommandLine(new UsherCommand()).getSubcommands().get(command).getCommandSpec();
  }
}

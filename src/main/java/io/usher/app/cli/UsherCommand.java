package io.usher.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/**
 * {@code usher}: the top-level command, grouping the subcommands. Its scope is inherited so that
 * every subcommand, present and future, answers {@code --help} and {@code --version} (with this
 * version) without repeating them.
 */
@Command(name = "usher", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
    version = "usher 0.1.0",
    description = "Creates and keeps up to date the Matrix rooms of a conference from its schedule.",
    subcommands = {PlanCommand.class, ApplyCommand.class, RunCommand.class,
        ValidateCommand.class, VerifyCommand.class, DoctorCommand.class,
        OnboardCommand.class, ExportCommand.class, WebCommand.class, AppserviceCommand.class})
final class UsherCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }
}

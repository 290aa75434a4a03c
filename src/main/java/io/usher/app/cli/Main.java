package io.usher.app.cli;

import io.usher.app.config.BadInputException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The {@code usher} command line: picocli runs the command; a failure becomes a message and an
 * exit code. The commands wire nothing themselves: the objects they run come from
 * {@code io.usher.app.runtime}'s factories ({@code CommandRun.open}, {@code LiveBot.open},
 * {@code WebProcess.start}).
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit code: 0 ok, 1 failed, 2 bad input. */
  public static int run(String... args) {
    return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** As {@link #run(String...)}, printing results to {@code out}, progress and errors to {@code err}. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new UsherCommand()).setOut(out).setErr(err);
    cli.setExecutionExceptionHandler((e, line, parsed) -> {
      line.getErr().println("usher: " + e.getMessage());
      return e instanceof BadInputException ? 2 : 1;
    });
    return cli.execute(args);
  }
}

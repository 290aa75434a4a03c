package io.usher.app;

import io.usher.plan.PlanPrinter;
import java.util.concurrent.Callable;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code usher plan}: prints what apply would create or change, changing nothing. */
@Command(name = "plan", description = "Show what apply would create or change (a dry run).")
final class PlanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }

  private PrintWriter err() {
    return spec.commandLine().getErr();
  }

  @Mixin ConferenceOptions options;

  @Option(names = "--full", description = "List every action, not the first 10 of each group.")
  boolean full;

  @Override
  public Integer call() {
    Settings settings = options.settings();
    var conference = ConferenceOptions.conference(settings);
    Reconciliation run = new Reconciliation(settings, conference, err());
    out().print(new PlanPrinter(full ? Integer.MAX_VALUE : 10).print(run.plan));
    out().println(run.requestSummary());
    return 0;
  }
}

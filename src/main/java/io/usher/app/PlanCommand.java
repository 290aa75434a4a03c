package io.usher.app;

import io.usher.plan.diff.Plan;
import io.usher.plan.diff.PlanPrinter;
import io.usher.schedule.ScheduleDiff;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code usher plan}: prints what apply would create or change, changing nothing. */
@Command(name = "plan", description = "Show what apply would create or change (a dry run).")
final class PlanCommand implements Callable<Integer> {
  @Mixin Output output;

  @Mixin ConferenceOptions options;

  @Option(names = "--full", description = "List every action, not the first 10 of each group.")
  boolean full;

  @Override
  public Integer call() {
    Session run = options.session(output.err());
    run.inputs.conference().notes().forEach(note -> output.out().println("note: " + note));
    if (options.schedule != null) {
      scheduleChanges(run);
    }
    Plan plan = run.plan();
    output.out().print(new PlanPrinter(full ? Integer.MAX_VALUE : 10).print(plan));
    if (!plan.isEmpty()) {
      output.out().println(RateLimitCheck.check(run.connection, plan.creates().size()));
    }
    output.out().println(run.connection.requestSummary());
    return 0;
  }

  /** With --schedule NEW: what NEW changes against the config's schedule, talk by talk. */
  private void scheduleChanges(Session run) {
    Settings original = options.configured();
    var before = ConferenceOptions.load(original.schedule(), Optional.of(original.timeZone()));
    List<String> lines = ScheduleDiff.lines(before, run.inputs.conference());
    output.out().println("Schedule changes (" + original.schedule() + " → "
        + options.schedule + "): " + (lines.isEmpty() ? "none" : ""));
    lines.forEach(output.out()::println);
  }
}

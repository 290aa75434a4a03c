package io.usher.app.cli;

import io.usher.app.config.BadInputException;
import io.usher.app.runtime.CommandRun;
import io.usher.app.runtime.RateLimitCheck;
import io.usher.apply.ApplyResult;
import io.usher.apply.Progress;
import io.usher.plan.diff.Plan;
import io.usher.plan.diff.PlanPrinter;
import io.usher.plan.diff.RemovalGuard;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code usher apply}: plans, prints the plan, executes it and reports. */
@Command(name = "apply", description = "Create and update the conference's rooms.")
final class ApplyCommand implements Callable<Integer> {
  @Mixin Output output;

  @Mixin ConferenceOptions options;

  @Option(names = "--confirm-removals", description = "Apply a schedule that cancels more talks"
      + " than conference.removal_guard allows at once (their rooms are closed for good).")
  boolean confirmRemovals;

  @Override
  public Integer call() {
    long start = System.nanoTime();
    CommandRun run = options.open(output.err());
    Plan plan = run.plan();
    RemovalGuard guard = run.inputs().settings().removalGuard().unless(confirmRemovals);
    output.out().print(new PlanPrinter(10).print(plan, guard));
    guard.refusal(plan).ifPresent(why -> {
      throw new BadInputException("apply refused: " + why + ". Nothing was changed. If the"
          + " schedule is right, run usher apply --confirm-removals.", null);
    });
    if (!plan.isEmpty()) {
      output.out().println(RateLimitCheck.run(run.bot(), plan.creates().size()));
    }
    ApplyResult result = plan.isEmpty() ? null : run.reconciler().apply(plan);
    double seconds = (System.nanoTime() - start) / 1e9;
    if (result == null) {
      output.out().println("Nothing created or changed.");
    } else {
      result.warnings().forEach(w -> output.out().println("  ! " + w));
      result.failures().forEach(f -> output.out().println("  x " + f));
      output.out().printf("Applied %d of %d actions; created %d rooms in %.1f s (%s rooms/s).%n",
          result.actions() - result.failures().size(), result.actions(), result.roomsCreated(),
          seconds, Progress.rate(result.roomsCreated() / Math.max(seconds, 1e-3)));
    }
    output.out().println(run.bot().requestSummary());
    output.out().printf("Wall time: %.1f s%n", seconds);
    String space = run.bot().spaceAlias();
    output.out().println("Conference space: " + space + "  (https://matrix.to/#/" + space + ")");
    if (result != null && !result.ok()) {
      output.out().println(result.failures().size() + " actions failed; run apply again to retry.");
      return 1;
    }
    return 0;
  }
}

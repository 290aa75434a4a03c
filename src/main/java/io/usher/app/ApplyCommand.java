package io.usher.app;

import io.usher.apply.ApplyResult;
import io.usher.plan.PlanPrinter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code usher apply}: plans, prints the plan, executes it and reports. */
@Command(name = "apply", description = "Create and update the conference's rooms.")
final class ApplyCommand implements Callable<Integer> {
  @Mixin ConferenceOptions options;

  @Override
  public Integer call() {
    Settings settings = options.settings();
    var conference = ConferenceOptions.conference(settings);
    long start = System.nanoTime();
    Reconciliation run = new Reconciliation(settings, conference, System.err);
    System.out.print(new PlanPrinter(10).print(run.plan));
    ApplyResult result = run.plan.isEmpty() ? null : run.executor(System.err)
        .execute(run.plan, run.observed);
    double seconds = (System.nanoTime() - start) / 1e9;
    if (result == null) {
      System.out.println("Nothing created or changed.");
    } else {
      result.warnings().forEach(w -> System.out.println("  ! " + w));
      result.failures().forEach(f -> System.out.println("  x " + f));
      System.out.printf("Applied %d of %d actions; created %d rooms in %.1f s (%.1f rooms/s).%n",
          result.actions() - result.failures().size(), result.actions(), result.roomsCreated(),
          seconds, result.roomsCreated() / Math.max(seconds, 1e-3));
    }
    System.out.println(run.requestSummary());
    System.out.printf("Wall time: %.1f s%n", seconds);
    System.out.println("Conference space: " + run.spaceAlias() + "  (https://matrix.to/#/"
        + run.spaceAlias() + ")");
    if (result != null && !result.ok()) {
      System.out.println(result.failures().size() + " actions failed; run apply again to retry.");
      return 1;
    }
    return 0;
  }
}

package io.usher.app.cli;

import io.usher.app.config.Settings;
import io.usher.app.runtime.BotSession;
import io.usher.app.runtime.CommandRun;
import io.usher.app.runtime.Inputs;
import io.usher.app.runtime.RateLimitCheck;
import io.usher.app.runtime.Schedules;
import io.usher.plan.DesiredConference;
import io.usher.plan.DesiredState;
import io.usher.plan.diff.ObservedConference;
import io.usher.plan.diff.Plan;
import io.usher.plan.diff.PlanPrinter;
import io.usher.plan.diff.Planner;
import io.usher.schedule.ScheduleDiff;
import java.net.URI;
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

  @Option(names = "--offline", description = "Plan against an empty homeserver without"
      + " contacting one: a preview of every room, alias and widget a fresh build makes.")
  boolean offline;

  @Option(names = "--server-name", paramLabel = "NAME", description = "With --offline: the"
      + " homeserver's server name, for aliases (default: the host of homeserver.url).")
  String serverName;

  @Override
  public Integer call() {
    if (offline) {
      return offline();
    }
    CommandRun run = options.open(output.err());
    printNotes(run.inputs());
    if (options.schedule != null) {
      scheduleChanges(run);
    }
    Plan plan = run.plan();
    printPlan(plan, run.inputs().settings());
    if (!plan.isEmpty()) {
      output.out().println(RateLimitCheck.check(run.bot(), plan.creates().size()));
    }
    output.out().println(run.bot().requestSummary());
    return 0;
  }

  /** --offline: the config's inputs, planned against an empty homeserver; no request is made. */
  private int offline() {
    Inputs inputs = Inputs.read(options.settings());
    Settings settings = inputs.settings();
    String server = serverName != null ? serverName
        : URI.create(settings.homeserverUrl()).getHost();
    String bot = Settings.userId(settings.appserviceUser().orElse("usher"), server);
    DesiredConference desired = DesiredState.of(inputs.conference(),
        BotSession.policy(settings, inputs.people(), server, bot), options.at(settings));
    Plan plan = new Planner(server, bot).plan(desired, ObservedConference.empty());
    printNotes(inputs);
    output.out().println("Offline: planned against an empty homeserver " + server
        + "; nothing was contacted.");
    printPlan(plan, settings);
    return 0;
  }

  private void printNotes(Inputs inputs) {
    inputs.conference().notes().forEach(note -> output.out().println("note: " + note));
  }

  /** The plan, every action with --full, else the first 10 of each group. */
  private void printPlan(Plan plan, Settings settings) {
    output.out().print(new PlanPrinter(full ? Integer.MAX_VALUE : 10)
        .print(plan, settings.removalGuard()));
  }

  /** With --schedule NEW: what NEW changes against the config's schedule, talk by talk. */
  private void scheduleChanges(CommandRun run) {
    Settings original = options.configured();
    var before = Schedules.load(original.schedule(), Optional.of(original.timeZone()));
    List<String> lines = ScheduleDiff.lines(before, run.inputs().conference());
    output.out().println("Schedule changes (" + original.schedule() + " → "
        + options.schedule + "): " + (lines.isEmpty() ? "none" : ""));
    lines.forEach(output.out()::println);
  }
}

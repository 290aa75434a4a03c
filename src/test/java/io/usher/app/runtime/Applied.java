package io.usher.app.runtime;

import io.usher.app.config.ConfigLoader;
import io.usher.app.config.Settings;
import io.usher.apply.ApplyResult;
import io.usher.plan.diff.Plan;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;

/**
 * One {@code usher plan} or {@code usher apply} of a config, as the commands do it, for
 * {@code at}.
 *
 * @param result null when the plan was not applied (empty, or only planned)
 */
record Applied(CommandRun run, Plan plan, ApplyResult result) {

  /** Reads the config's inputs once, connects, and plans against a fresh read. */
  static Applied planned(Path config, Instant at) throws Exception {
    Settings settings = new ConfigLoader().load(config);
    CommandRun run = CommandRun.open(Inputs.read(settings), new PrintWriter(new StringWriter()),
        at);
    return new Applied(run, run.plan(), null);
  }

  /** Plans as {@link #planned} does, then executes the plan. */
  static Applied apply(Path config, Instant at) throws Exception {
    Applied planned = planned(config, at);
    return new Applied(planned.run, planned.plan,
        planned.plan.isEmpty() ? null : planned.run.reconciler().apply(planned.plan));
  }

  long invites() {
    return run.bot().client.stats().byEndpoint().getOrDefault("invite", 0L);
  }
}

package io.usher.app;

import io.usher.apply.ApplyResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;

/**
 * One {@code usher apply} of a config, as the command does it, for {@code at}.
 *
 * @param result null when the plan was empty
 */
record Applied(Reconciliation run, ApplyResult result) {

  static Applied apply(Path config, Instant at) throws Exception {
    Settings settings = new ConfigLoader().load(config);
    Reconciliation run = new Reconciliation(settings, ConferenceOptions.conference(settings),
        new PrintWriter(new StringWriter()), at);
    ApplyResult result = run.plan.isEmpty() ? null
        : run.executor(new PrintWriter(new StringWriter())).execute(run.plan, run.observed);
    return new Applied(run, result);
  }

  long invites() {
    return run.connection.client.stats().byEndpoint().getOrDefault("invite", 0L);
  }
}

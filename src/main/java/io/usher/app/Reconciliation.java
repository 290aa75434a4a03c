package io.usher.app;

import io.usher.apply.ObservedStateReader;
import io.usher.apply.PlanExecutor;
import io.usher.matrix.MatrixClient;
import io.usher.matrix.MatrixException;
import io.usher.matrix.RetryPolicy;
import io.usher.matrix.WhoAmI;
import io.usher.plan.DesiredConference;
import io.usher.plan.DesiredState;
import io.usher.plan.ObservedConference;
import io.usher.plan.Plan;
import io.usher.plan.Planner;
import io.usher.plan.Policy;
import io.usher.schedule.Conference;
import java.io.PrintWriter;
import java.util.stream.Collectors;

/** Wires one plan (and optionally apply) run: schedule, client, observed state, planner. */
final class Reconciliation {
  final Settings settings;
  final MatrixClient client;
  final WhoAmI me;
  final Planner planner;
  final ObservedConference observed;
  final Plan plan;

  Reconciliation(Settings settings, Conference conference, PrintWriter err) {
    this.settings = settings;
    this.client = MatrixClient.create(settings.homeserverUrl(), settings.accessToken(),
        RetryPolicy.defaults(), new RateLimitReporter(err));
    this.me = whoami(client, settings);
    Policy policy = new Policy(settings.conferenceId(), settings.conferenceName(),
        me.serverName(), settings.grouping(), settings.organisers(), settings.moderators(),
        Policy.DEFAULT_MAX_SPACE_CHILDREN);
    DesiredConference desired = DesiredState.of(conference, policy);
    this.planner = new Planner(me.serverName(), me.userId());
    this.observed = new ObservedStateReader(client).read(settings.conferenceId());
    this.plan = planner.plan(desired, observed);
  }

  private static WhoAmI whoami(MatrixClient client, Settings settings) {
    try {
      return client.whoami();
    } catch (MatrixException e) {
      throw new IllegalStateException("cannot use the homeserver at " + settings.homeserverUrl()
          + ": " + e.getMessage(), e);
    }
  }

  PlanExecutor executor(PrintWriter err) {
    return new PlanExecutor(client, planner, me.serverName(), me.userId(),
        settings.parallelism(), line -> {
          err.println(line);
          err.flush();
        });
  }

  String spaceAlias() {
    return "#" + settings.conferenceId() + ":" + me.serverName();
  }

  String requestSummary() {
    var stats = client.stats();
    return stats.total() + " HTTP requests (" + stats.writes() + " writes"
        + (stats.rateLimited() > 0 ? ", " + stats.rateLimited() + " rate-limited" : "") + "): "
        + stats.byEndpoint().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }
}

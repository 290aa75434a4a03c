package io.usher.app;

import io.usher.apply.PlanExecutor;
import io.usher.plan.DesiredConference;
import io.usher.plan.DesiredState;
import io.usher.plan.diff.ObservedConference;
import io.usher.plan.diff.Plan;
import io.usher.schedule.Conference;
import java.io.PrintWriter;
import java.time.Instant;

/** One plan (and optionally apply) run: the desired state at one instant against the server. */
final class Reconciliation {
  final Connection connection;
  final Conference conference;
  final ObservedConference observed;
  final DesiredConference desired;
  final Plan plan;

  /** @param at the instant the desired state is for (talks ended by then are hallways) */
  Reconciliation(Settings settings, Conference conference, PrintWriter err, Instant at) {
    this.connection = new Connection(settings, err);
    this.conference = conference;
    this.observed = connection.reader().read(settings.conferenceId());
    this.desired = DesiredState.of(conference, connection.policy, at);
    this.plan = connection.planner.plan(desired, observed);
  }

  PlanExecutor executor(PrintWriter err) {
    return connection.executor(line -> {
      err.println(line);
      err.flush();
    });
  }

  String spaceAlias() {
    return connection.spaceAlias();
  }

  String requestSummary() {
    return connection.requestSummary();
  }
}

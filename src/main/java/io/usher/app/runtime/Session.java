package io.usher.app.runtime;

import io.usher.apply.Reconciler;
import io.usher.plan.DesiredConference;
import io.usher.plan.DesiredState;
import io.usher.plan.diff.Plan;
import java.io.PrintWriter;
import java.time.Instant;

/**
 * One command's work on the homeserver: its inputs (read once), the bot's connection, the
 * {@link Reconciler} that owns what is read, and the desired state at the command's instant.
 */
public final class Session {
  public final Inputs inputs;
  public final Connection connection;
  public final Reconciler reconciler;
  public final DesiredConference desired;

  private Session(Inputs inputs, Connection connection, Reconciler reconciler,
      DesiredConference desired) {
    this.inputs = inputs;
    this.connection = connection;
    this.reconciler = reconciler;
    this.desired = desired;
  }

  /**
   * Connects to the homeserver with {@code inputs}; progress lines of an apply go to {@code err}.
   *
   * @param at the instant the desired state is for (talks ended by then are hallways)
   */
  public static Session open(Inputs inputs, PrintWriter err, Instant at) {
    Connection connection = new Connection(inputs.settings(), inputs.people(), err);
    Reconciler reconciler = connection.reconciler(line -> {
      err.println(line);
      err.flush();
    });
    return new Session(inputs, connection, reconciler,
        DesiredState.of(inputs.conference(), connection.policy, at));
  }

  /** What apply would do, against a fresh read of the homeserver. */
  public Plan plan() {
    return reconciler.plan(desired);
  }
}

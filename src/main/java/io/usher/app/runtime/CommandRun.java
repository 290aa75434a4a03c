package io.usher.app.runtime;

import io.usher.apply.Reconciler;
import io.usher.plan.DesiredConference;
import io.usher.plan.DesiredState;
import io.usher.plan.diff.Plan;
import java.io.PrintWriter;
import java.time.Instant;

/**
 * One command's work on the homeserver: its inputs (read once), the bot's session, the
 * {@link Reconciler} that owns what is read, and the desired state at the command's instant.
 */
public record CommandRun(Inputs inputs, BotSession bot, Reconciler reconciler,
    DesiredConference desired) {

  /**
   * Opens the bot's session on the homeserver with {@code inputs}; progress lines of an apply go
   * to {@code err}.
   *
   * @param at the instant the desired state is for (talks ended by then are hallways)
   */
  public static CommandRun open(Inputs inputs, PrintWriter err, Instant at) {
    BotSession bot = BotSession.open(inputs.settings(), inputs.people(), err);
    Reconciler reconciler = bot.reconciler(line -> {
      err.println(line);
      err.flush();
    });
    return new CommandRun(inputs, bot, reconciler,
        DesiredState.of(inputs.conference(), bot.policy, at));
  }

  /** What apply would do, against a fresh read of the homeserver. */
  public Plan plan() {
    return reconciler.plan(desired);
  }
}

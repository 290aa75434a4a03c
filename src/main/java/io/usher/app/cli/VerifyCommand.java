package io.usher.app.cli;

import io.usher.app.config.BadInputException;
import io.usher.app.runtime.BotSession;
import io.usher.app.runtime.CommandRun;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code usher verify [track]}: who is in the rooms they should be in, changing nothing. */
@Command(name = "verify", description = "Report, per room and person, who should be in the"
    + " conference's rooms and whether they are: joined, invited, e-mail invited, left, not"
    + " invited or no contact.")
final class VerifyCommand implements Callable<Integer> {
  @Mixin Output output;

  @Mixin ConferenceOptions options;

  @Parameters(arity = "0..1", paramLabel = "TRACK", description = "Only this track (name or id).")
  String track;

  @Override
  public Integer call() {
    CommandRun run = options.open(output.err());
    BotSession bot = run.bot();
    try {
      output.out().print(bot.verifier().verify(run.desired(), BotSession.seats(bot.policy,
          run.inputs().conference(), run.desired()), run.reconciler().observe(run.desired()).rooms(),
          Optional.ofNullable(track)).render());
    } catch (IllegalArgumentException unknownTrack) {
      throw new BadInputException(unknownTrack.getMessage(), unknownTrack);
    }
    output.out().println(bot.requestSummary());
    return 0;
  }
}

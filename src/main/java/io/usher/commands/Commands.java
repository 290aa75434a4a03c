package io.usher.commands;

import io.usher.lifecycle.LifecycleStatus;
import io.usher.lifecycle.UpcomingPhase;
import io.usher.plan.diff.PlanPrinter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The management room's commands: {@code !usher <command> [argument]}. Parses a message and
 * answers in plain text; who may give commands is checked by {@link ManagementRoom}.
 */
final class Commands {
  static final String PREFIX = "!usher";
  static final String HELP = """
      Commands (members with power level 50 or more):
        !usher help              this list
        !usher status            schedule source, rooms, next phases due, last errors
        !usher plan              what apply would change now
        !usher apply             bring every room to the desired state now
        !usher run | pause       resume or pause the talks' phases
        !usher schedule [track]  the next phases, of one track if given
        !usher refresh [--confirm]  reload the schedule and follow its changes
                                 (--confirm: even if it cancels many talks)
        !usher verify [track]    who is missing from the rooms they should be in""";
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);

  private final BotControl control;
  private final ZoneId zone;

  Commands(BotControl control, ZoneId zone) {
    this.control = control;
    this.zone = zone;
  }

  static boolean isCommand(String body) {
    String text = body.strip();
    return text.equals(PREFIX) || text.startsWith(PREFIX + " ");
  }

  /** The reply to a command message ({@code !usher ...}). */
  String handle(String body) {
    String[] words = body.strip().substring(PREFIX.length()).strip().split("\\s+", 2);
    String command = words[0].toLowerCase(Locale.ROOT);
    Optional<String> argument = words.length > 1 ? Optional.of(words[1].strip()) : Optional.empty();
    return switch (command) {
      case "help" -> HELP;
      case "status" -> status(control.status());
      case "plan" -> new PlanPrinter(10).print(control.plan()).strip();
      case "apply" -> "Applied: " + control.apply();
      case "run" -> {
        control.run();
        yield "Running: phases are handled as they fall due.";
      }
      case "pause" -> {
        control.pause();
        yield "Paused: no phase is handled until `!usher run`.";
      }
      case "schedule" -> schedule(argument);
      case "refresh" -> refresh(argument);
      case "verify" -> control.verify(argument).strip();
      default -> (command.isEmpty() ? "" : "Unknown command “" + command + "”.\n") + HELP;
    };
  }

  private String refresh(Optional<String> argument) {
    if (argument.isPresent() && !argument.get().equals("--confirm")) {
      return "Unknown argument “" + argument.get() + "”: `!usher refresh` or"
          + " `!usher refresh --confirm`.";
    }
    return "Refreshed: " + control.refresh(argument.isPresent());
  }

  private String status(LifecycleStatus status) {
    StringBuilder out = new StringBuilder();
    out.append("Schedule: ").append(status.source()).append('\n');
    out.append("Rooms: ").append(status.rooms()).append(" · jobs scheduled: ")
        .append(status.scheduledJobs()).append(" · phases handled: ").append(status.handled())
        .append(status.paused() ? " · PAUSED" : " · running").append('\n');
    out.append("Next phases:\n").append(lines(status.next()));
    out.append("Last errors:").append(status.errors().isEmpty() ? " none" : "");
    status.errors().forEach(e -> out.append("\n  ").append(e));
    return out.toString();
  }

  private String schedule(Optional<String> track) {
    List<UpcomingPhase> next = control.upcoming(track, 15);
    if (next.isEmpty()) {
      return "No phases to come" + track.map(t -> " for tracks matching “" + t + "”").orElse("")
          + ".";
    }
    return "Next phases" + track.map(t -> " (" + t + ")").orElse("") + ":\n"
        + lines(next).stripTrailing();
  }

  private String lines(List<UpcomingPhase> phases) {
    StringBuilder out = new StringBuilder();
    for (UpcomingPhase p : phases) {
      out.append("  ").append(TIME.format(p.event().at().atZone(zone))).append("  ")
          .append(p.event().phase().id()).append("  ").append(p.talk().title())
          .append(" (").append(p.talk().track().isEmpty() ? p.event().trackId() : p.talk().track())
          .append(")\n");
    }
    return phases.isEmpty() ? "  none\n" : out.toString();
  }
}

package io.usher.commands;

import io.usher.matrix.RoomEvent;
import io.usher.matrix.SyncResponse;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the management room does with one {@code /sync} batch, apart from the homeserver: which
 * events are commands and from whom, and the reply to each given its sender's power level.
 * {@link ManagementRoom} does the I/O around it: the sync, the power levels, the replies.
 */
final class Inbox {
  private final String botUserId;
  private final String roomId;
  private final Commands commands;
  private final Consumer<String> log;

  /** @param log receives a line per command obeyed or refused */
  Inbox(String botUserId, String roomId, Commands commands, Consumer<String> log) {
    this.botUserId = botUserId;
    this.roomId = roomId;
    this.commands = commands;
    this.log = log;
  }

  /** A command message: its event id names the reply's transaction, so a retry is not doubled. */
  record Command(String eventId, String sender, String body) {}

  /** The commands in this room's part of {@code sync}, oldest first; other rooms are ignored. */
  List<Command> commands(SyncResponse sync) {
    return Optional.ofNullable(sync.joined().get(roomId)).map(room -> commands(room.timeline()))
        .orElse(List.of());
  }

  /** The commands among timeline events, oldest first. */
  List<Command> commands(List<RoomEvent> timeline) {
    return timeline.stream().filter(this::isCommand)
        .map(e -> new Command(e.eventId(), e.sender(), e.text("body"))).toList();
  }

  private boolean isCommand(RoomEvent event) {
    // Notices are what bots send: never acting on one keeps two bots from talking in a loop.
    return "m.room.message".equals(event.type()) && !event.sender().equals(botUserId)
        && !"m.notice".equals(event.text("msgtype")) && Commands.isCommand(event.text("body"));
  }

  /**
   * The reply to {@code command} from a member with power level {@code level}: below
   * {@link ManagementRoom#REQUIRED_LEVEL} a refusal, and the bot is not touched; else the
   * command's answer, or what went wrong when it threw.
   */
  String reply(Command command, long level) {
    if (level < ManagementRoom.REQUIRED_LEVEL) {
      log.accept("refused a command from " + command.sender() + " (power level " + level + ")");
      return "Sorry " + command.sender() + ", only members with power level "
          + ManagementRoom.REQUIRED_LEVEL + " or more in this room can give me commands (you have "
          + level + ").";
    }
    log.accept(command.sender() + ": " + command.body().strip());
    try {
      return commands.handle(command.body());
    } catch (RuntimeException e) {
      return "That failed: " + e.getMessage();
    }
  }
}

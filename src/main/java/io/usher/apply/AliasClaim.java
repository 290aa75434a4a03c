package io.usher.apply;

import io.usher.matrix.MatrixException;
import io.usher.plan.Locator;
import io.usher.plan.RoomKey;
import io.usher.plan.StateTypes;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Who holds a room alias, and taking it back when the bot does. A {@code createRoom} cut short
 * by a homeserver outage can leave an empty room holding the alias of the room that was meant:
 * such a room has no locator, and the bot created it (its {@code m.room.create} sender, or
 * Synapse's record of it). When no one can tell who created it, the homeserver letting the bot
 * delete the alias tells (only its creator may, unless the bot is a server admin, and then the
 * creator is known). Anyone else's alias is never touched.
 */
final class AliasClaim {
  private final Homeserver client;
  private final String botUserId;

  AliasClaim(Homeserver client, String botUserId) {
    this.client = client;
    this.botUserId = botUserId;
  }

  /** The locator of a room, empty when it has none or the bot cannot read its state. */
  Optional<RoomKey> locatorOf(String roomId) {
    try {
      return client.getState(roomId, Locator.TYPE, "").flatMap(Locator::parse);
    } catch (MatrixException notJoined) {
      return Optional.empty();
    }
  }

  /**
   * Frees {@code alias} from {@code holder} when that is an empty room the bot made: deletes the
   * alias and leaves the room. Returns whether the alias is free now.
   */
  boolean takeBack(String alias, String holder, Consumer<String> warnings, RoomKey forRoom) {
    if (locatorOf(holder).isPresent() || !madeByTheBot(holder) || !client.deleteAlias(alias)) {
      return false;
    }
    warnings.accept(forRoom + ": took " + alias + " back from " + holder + ", an empty room"
        + " left by a creation that was cut short");
    try {
      client.leave(holder);
    } catch (MatrixException notJoined) {
      // Not joined (the creation stopped before the bot's join): nothing to leave.
    }
    return true;
  }

  /**
   * Points {@code alias} at {@code roomId} and makes it the room's canonical alias; the alias
   * is taken back first when an empty room of the bot's holds it.
   *
   * @throws MatrixException when the homeserver refuses
   */
  void claim(RoomKey key, String roomId, String alias, Consumer<String> warnings) {
    Optional<String> holder = client.resolveAlias(alias);
    boolean ours = holder.map(roomId::equals).orElse(false);
    if (!ours) {
      if (holder.isPresent() && !takeBack(alias, holder.get(), warnings, key)) {
        warnings.accept(key + ": alias " + alias + " belongs to another room ("
            + holder.get() + "); left without it");
        return;
      }
      client.putAlias(alias, roomId);
    }
    client.putState(roomId, StateTypes.CANONICAL_ALIAS, "", Map.of("alias", alias));
  }

  private boolean madeByTheBot(String roomId) {
    return client.roomCreator(roomId).map(botUserId::equals).orElse(true);
  }
}

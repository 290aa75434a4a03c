package io.usher.matrix;

import java.util.Map;
import java.util.Optional;

/**
 * The room directory's writes and checks
 * (https://spec.matrix.org/latest/client-server-api/#room-directory): deleting an alias, and
 * whether a room is published in the public room list. Resolving an alias is
 * {@link MatrixClient#resolveAlias}.
 */
public final class RoomDirectory {
  private final JsonApi api;

  /** @param client the bot's client; nothing is sent until asked */
  public RoomDirectory(MatrixClient client) {
    this.api = client.api();
  }

  /**
   * {@code DELETE /directory/room/{roomAlias}}: removes the alias. Homeservers allow it to the
   * alias's creator and to admins (Synapse also to whoever may set the room's canonical alias).
   *
   * @return true when deleted; false when the homeserver refuses ({@code M_FORBIDDEN}) or the
   *     alias does not exist
   * @throws MatrixException for any other error
   */
  public boolean deleteAlias(String alias) {
    try {
      api.call(Routes.DELETE_ALIAS.compile("alias", alias), null, Map.of());
      return true;
    } catch (MatrixException e) {
      if (e.isForbidden() || e.isNotFound()) {
        return false;
      }
      throw e;
    }
  }

  /**
   * {@code PUT /directory/room/{roomAlias}}: points a new alias at {@code roomId}.
   *
   * @throws MatrixException {@code M_UNKNOWN}/409 when the alias exists, 403 when the bot may
   *     not create it
   */
  public void putAlias(String alias, String roomId) {
    api.call(Routes.PUT_ALIAS.compile("alias", alias), Map.of("room_id", roomId), Map.of());
  }

  /**
   * {@code GET /directory/list/room/{roomId}}: whether the room is in the public room list
   * ({@code true} for {@code "visibility": "public"}); empty when the room is unknown.
   *
   * @throws MatrixException for any other error
   */
  public Optional<Boolean> isPublished(String roomId) {
    try {
      return Optional.of("public".equals(api.call(Routes.DIRECTORY_VISIBILITY.compile("roomId",
          roomId), null, Map.of()).path("visibility").asText()));
    } catch (MatrixException e) {
      if (e.isNotFound()) {
        return Optional.empty();
      }
      throw e;
    }
  }
}

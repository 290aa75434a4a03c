package io.usher.matrix;

import java.util.Map;

/**
 * Whether the homeserver lets guests in: the spec's only way to ask is to register one
 * (https://spec.matrix.org/latest/client-server-api/#guest-access, {@code POST
 * /register?kind=guest}); Synapse answers 403 "Guest access is disabled" unless
 * {@code allow_guest_access} is true
 * (https://element-hq.github.io/synapse/latest/usage/configuration/config_documentation.html#allow_guest_access).
 *
 * <p>When guests are allowed the request makes a guest account, the one every Element Web
 * visitor of a hallway link gets on opening it: no password, no rooms, no events, and its access
 * token is dropped here unread (a guest may not log out, so it cannot be revoked either). No
 * read-only request tells the setting, and a refused request changes nothing, so the case the
 * check exists to find costs nothing.
 */
public final class GuestAccess {
  private final JsonApi api;

  /** @param client any client; nothing is sent until asked */
  public GuestAccess(MatrixClient client) {
    this.api = client.api();
  }

  /**
   * Registers one guest: true when the homeserver made it, false when it refuses guests (403).
   *
   * @throws MatrixException for any other answer
   */
  public boolean allowed() {
    try {
      api.call(Routes.REGISTER.compile(), Map.of(), Map.of("kind", "guest"));
      return true;
    } catch (MatrixException e) {
      if (e.isForbidden()) {
        return false;
      }
      throw e;
    }
  }
}

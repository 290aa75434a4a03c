package io.usher.apply;

import io.usher.matrix.IdentityServerClient;
import io.usher.matrix.MatrixClient;

/**
 * Sends 3PID (e-mail) invites through an identity server. The identity server access token is
 * obtained once, when the first e-mail invite is sent, by registering with an OpenID token of
 * the bot's account.
 */
public final class EmailInvites {
  private final MatrixClient client;
  private final IdentityServerClient identityServer;
  private final String botUserId;
  private String idAccessToken;

  /**
   * @param identityServer the identity server the homeserver sends 3PID invites through; the
   *     bot registers with it (an OpenID token exchanged for an {@code id_access_token}) on the
   *     first e-mail invite, not here
   * @param botUserId the bot's user id, {@code @bot:server}
   */
  public EmailInvites(MatrixClient client, IdentityServerClient identityServer,
      String botUserId) {
    this.client = client;
    this.identityServer = identityServer;
    this.botUserId = botUserId;
  }

  /** Invites {@code email} into the room; throws {@code MatrixException} as the client does. */
  void invite(String roomId, String email) {
    client.inviteByEmail(roomId, identityServer.idServer(), token(), email);
  }

  private synchronized String token() {
    if (idAccessToken == null) {
      idAccessToken = identityServer.register(client.openIdToken(botUserId));
    }
    return idAccessToken;
  }
}

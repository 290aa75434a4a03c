package io.usher.apply;

import io.usher.matrix.IdentityServerClient;
import io.usher.matrix.MatrixClient;
import io.usher.matrix.MatrixException;
import java.util.Collection;
import java.util.Map;

/**
 * Sends 3PID (e-mail) invites through an identity server, and asks it which Matrix ids the
 * invited addresses have been bound to since. The identity server access token is obtained once,
 * when first needed, by registering with an OpenID token of the bot's account; it stays in this
 * object and is never logged.
 */
public final class EmailInvites {
  private final MatrixClient client;
  private final IdentityServerClient identityServer;
  private final String botUserId;
  private String idAccessToken;

  /**
   * @param identityServer the identity server the homeserver sends 3PID invites through; the
   *     bot registers with it (an OpenID token exchanged for an {@code id_access_token}) on the
   *     first e-mail invite or lookup, not here
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

  /**
   * The Matrix id each of these addresses is bound to at the identity server, in one lookup;
   * unbound addresses are absent. A token the identity server no longer knows (HTTP 401, as
   * after its restart) is replaced once.
   *
   * @throws MatrixException when the identity server or the homeserver (OpenID) refuses
   */
  Map<String, String> boundTo(Collection<String> emails) {
    if (emails.isEmpty()) {
      return Map.of();
    }
    String token = token();
    try {
      return identityServer.lookupEmails(token, emails);
    } catch (MatrixException e) {
      if (e.status() != 401) {
        throw e;
      }
      forget(token);
      return identityServer.lookupEmails(token(), emails);
    }
  }

  private synchronized String token() {
    if (idAccessToken == null) {
      idAccessToken = identityServer.register(client.openIdToken(botUserId));
    }
    return idAccessToken;
  }

  private synchronized void forget(String token) {
    if (token.equals(idAccessToken)) {
      idAccessToken = null;
    }
  }
}

package io.usher.matrix;

/** Who an access token belongs to ({@code GET /account/whoami}). */
public record WhoAmI(String userId, String deviceId) {

  /** The server name part of the user id ({@code @bot:example.org} gives {@code example.org}). */
  public String serverName() {
    return userId.substring(userId.indexOf(':') + 1);
  }
}

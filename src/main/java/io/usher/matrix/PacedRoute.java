package io.usher.matrix;

/**
 * The endpoints a bulk job may pace with {@link MatrixClient#pace}: requests to one of them are
 * spread out in time rather than sent in bursts that the homeserver's rate limits punish.
 */
public enum PacedRoute {
  /** {@code POST /rooms/{roomId}/invite}, by user id or e-mail. */
  INVITE(Routes.INVITE),
  /** Synapse's {@code PUT /_synapse/admin/v2/users/{userId}}: creating attendee accounts. */
  ADMIN_PUT_USER(Routes.ADMIN_PUT_USER);

  private final Route route;

  PacedRoute(Route route) {
    this.route = route;
  }

  Route route() {
    return route;
  }
}

package io.usher.apply;

import io.usher.matrix.ErrorCode;
import io.usher.matrix.MatrixException;
import io.usher.plan.Invitee;
import io.usher.plan.StateTypes;
import io.usher.plan.diff.Action.UpdatePeople;
import io.usher.plan.people.PeopleRecord;
import java.util.List;
import java.util.Optional;

/**
 * Executes {@link UpdatePeople}: power levels, then invites one by one (paced by the client, 429s
 * waited out), then the room's people record without the invites that failed, so the next apply
 * retries exactly those.
 */
final class PeopleUpdater {
  private final Homeserver client;
  private final Optional<EmailInvites> emailInvites;

  PeopleUpdater(Homeserver client, Optional<EmailInvites> emailInvites) {
    this.client = client;
    this.emailInvites = emailInvites;
  }

  /**
   * @param failures receives one line per failed invite: person, room and the homeserver's
   *     error text
   */
  void apply(UpdatePeople update, String roomId, List<String> failures) {
    update.powerLevels().ifPresent(content ->
        client.putState(roomId, StateTypes.POWER_LEVELS, "", content));
    PeopleRecord record = update.record();
    for (Invitee invitee : update.invites()) {
      try {
        invite(roomId, invitee);
      } catch (MatrixException e) {
        if (alreadyThere(e, roomId, invitee)) {
          continue;
        }
        record = record.without(invitee);
        failures.add(update.room() + " (" + roomId + "): inviting " + invitee + " failed: "
            + (e.isNoResponse() ? "no response"
            : "HTTP " + e.status()) + " " + e.errcode() + " " + e.error());
      }
    }
    client.putState(roomId, PeopleRecord.TYPE, "", record.content());
  }

  private void invite(String roomId, Invitee invitee) {
    if (!invitee.email()) {
      client.invite(roomId, invitee.address());
    } else {
      emailInvites.orElseThrow(() -> new MatrixException("e-mail invite", 0, ErrorCode.USHER_NO_IS,
          "no identity_server configured", null)).invite(roomId, invitee.address());
    }
  }

  /**
   * Joined already (the record was lost, or they joined a public room by themselves): the
   * homeserver refuses the invite with {@code M_FORBIDDEN}, and the member event says so.
   * Read only on a refusal, so an ordinary invite costs one request.
   */
  private boolean alreadyThere(MatrixException e, String roomId, Invitee invitee) {
    if (invitee.email() || !e.isForbidden()) {
      return false;
    }
    try {
      Object membership = client.getState(roomId, StateTypes.MEMBER, invitee.address())
          .map(content -> content.get("membership")).orElse(null);
      return "join".equals(membership) || "invite".equals(membership);
    } catch (MatrixException unreadable) {
      return false;
    }
  }
}

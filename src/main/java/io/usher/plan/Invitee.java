package io.usher.plan;

import java.util.Objects;

/**
 * Someone to invite into a room: by Matrix user id, or by e-mail through an identity server (a
 * 3PID invite, https://spec.matrix.org/latest/client-server-api/#third-party-invites).
 *
 * @param person how reports name the person (their name, else their id in the people file)
 * @param address a Matrix user id, or an e-mail address when {@code email}
 */
public record Invitee(String person, String address, boolean email) {
  public Invitee {
    Objects.requireNonNull(person, "person");
    Objects.requireNonNull(address, "address");
  }

  @Override
  public String toString() {
    return person.equals(address) ? address : person + " (" + address + ")";
  }
}

package io.usher.plan;

import io.usher.schedule.People;
import java.util.Objects;

/**
 * The organiser's choices about people, besides who the organisers and moderators are.
 *
 * @param people the people file (contacts and roles), {@link People#none()} without one
 * @param roles which rooms each role is invited to, with what power
 * @param emailInvites an identity server is configured, so people with only an e-mail address
 *     get 3PID invites; without one they are reported
 */
public record PeoplePolicy(People people, RoleTemplate roles, boolean emailInvites) {

  public PeoplePolicy {
    Objects.requireNonNull(people, "people");
    Objects.requireNonNull(roles, "roles");
  }

  /** No people file, the default role template, no e-mail invites. */
  public static PeoplePolicy none() {
    return new PeoplePolicy(People.none(), RoleTemplate.defaults(), false);
  }
}

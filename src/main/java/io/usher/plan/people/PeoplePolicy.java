package io.usher.plan.people;

import io.usher.plan.Furnished;
import io.usher.plan.Furnishing;
import io.usher.plan.PlannedTrack;
import io.usher.schedule.Conference;
import io.usher.schedule.People;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The organiser's choices about people, besides who the organisers and moderators are.
 *
 * @param people the people file (contacts and roles), {@link People#none()} without one
 * @param roles which rooms each role is invited to, with what power
 * @param emailInvites an identity server is configured, so people with only an e-mail address
 *     get 3PID invites; without one they are reported
 */
public record PeoplePolicy(People people, RoleTemplate roles, boolean emailInvites)
    implements Furnishing {

  public PeoplePolicy {
    Objects.requireNonNull(people, "people");
    Objects.requireNonNull(roles, "roles");
  }

  /** The roster of this conference's people: who is in which room, with what role. */
  public Roster roster(Conference conference, List<PlannedTrack> tracks, String conferenceId) {
    return Roster.of(conference, tracks, people, roles, conferenceId);
  }

  /** Each room's power levels and invitees by role; warnings for people who cannot be reached. */
  @Override
  public Furnished furnish(Conference conference, List<PlannedTrack> tracks,
      String conferenceId) {
    Roster roster = roster(conference, tracks, conferenceId);
    return new Furnished(roster.powers(), roster.invitees(emailInvites), Map.of(),
        roster.warnings());
  }

  /** No people file, the default role template, no e-mail invites. */
  public static PeoplePolicy none() {
    return new PeoplePolicy(People.none(), RoleTemplate.defaults(), false);
  }
}

package io.usher.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The organiser's choices the desired state depends on, besides the schedule.
 *
 * @param conferenceId short id used in locators and aliases ({@code [a-z0-9._-]+})
 * @param conferenceName display name; empty to use the schedule's title
 * @param serverName the homeserver's server name, for aliases and {@code via}
 * @param organisers Matrix user ids given power 100 in every room
 * @param moderators Matrix user ids given power 50 in every room
 * @param maxSpaceChildren the most children one space may have (the hierarchy API pages at 50)
 * @param furnishings what people and widgets add to the rooms ({@code plan.people}'s
 *     {@code PeoplePolicy}, {@code plan.widgets}'s {@code WidgetPolicy}); none for rooms with
 *     organisers and moderators only and no widgets
 * @param hallwayHistory whether those who join a hallway read what was said in the talk room
 *     before it opened
 */
public record Policy(
    String conferenceId,
    String conferenceName,
    String serverName,
    TrackGrouping grouping,
    List<String> organisers,
    List<String> moderators,
    int maxSpaceChildren,
    List<Furnishing> furnishings,
    HallwayHistory hallwayHistory) {

  public static final int DEFAULT_MAX_SPACE_CHILDREN = 50;

  public Policy {
    Objects.requireNonNull(conferenceId, "conferenceId");
    conferenceName = Objects.requireNonNullElse(conferenceName, "");
    Objects.requireNonNull(serverName, "serverName");
    Objects.requireNonNull(grouping, "grouping");
    organisers = List.copyOf(organisers);
    moderators = List.copyOf(moderators);
    furnishings = List.copyOf(furnishings);
    Objects.requireNonNull(hallwayHistory, "hallwayHistory");
    if (maxSpaceChildren < 3) {
      throw new IllegalArgumentException("maxSpaceChildren must be at least 3");
    }
  }

  /**
   * A policy with these furnishings, in order (none for organisers and moderators only), and a
   * talk room's earlier history kept from the hallway's newcomers.
   */
  public Policy(String conferenceId, String conferenceName, String serverName,
      TrackGrouping grouping, List<String> organisers, List<String> moderators,
      int maxSpaceChildren, Furnishing... furnishings) {
    this(conferenceId, conferenceName, serverName, grouping, organisers, moderators,
        maxSpaceChildren, List.of(furnishings), HallwayHistory.MEMBERS_ONLY);
  }

  /** The furnishing of this type, if the policy has one. */
  public <T extends Furnishing> Optional<T> furnishing(Class<T> type) {
    return furnishings.stream().filter(type::isInstance).map(type::cast).findFirst();
  }
}

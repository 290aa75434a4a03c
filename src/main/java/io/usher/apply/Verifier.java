package io.usher.apply;

import io.usher.plan.DesiredConference;
import io.usher.plan.DesiredRoom;
import io.usher.plan.Invitee;
import io.usher.plan.PlannedTrack;
import io.usher.plan.RoomKey;
import io.usher.plan.diff.ObservedConference;
import io.usher.plan.diff.ObservedRoom;
import io.usher.plan.people.Contact;
import io.usher.plan.people.PeopleRecord;
import io.usher.plan.people.Seat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Compares who should be in each room (the roster) with who is (membership read from the
 * homeserver), for the whole conference or one track.
 */
public final class Verifier {
  private final MembershipReader members;

  /** @param members reads membership when asked; nothing is read here */
  public Verifier(MembershipReader members) {
    this.members = members;
  }

  /**
   * @param roster who should be in which room, with what role
   * @param track a track name or id to limit the report to, or empty for every room
   * @throws IllegalArgumentException when no track has that name or id
   */
  public VerifyReport verify(DesiredConference desired, List<Seat> roster,
      ObservedConference observed, Optional<String> track) {
    Optional<Map.Entry<PlannedTrack, Set<RoomKey>>> only = track.map(name ->
        desired.track(name).orElseThrow(() -> new IllegalArgumentException("no track '" + name
            + "' (expected a track name or id, e.g. " + desired.tracks().stream().limit(5)
            .map(PlannedTrack::id).collect(Collectors.joining(", ")) + ")")));
    Map<RoomKey, Map<Contact, Set<String>>> seats = new LinkedHashMap<>();
    for (Seat seat : roster) {
      if (only.map(t -> t.getValue().contains(seat.room())).orElse(true)) {
        seats.computeIfAbsent(seat.room(), k -> new LinkedHashMap<>())
            .computeIfAbsent(seat.person(), p -> new TreeSet<>()).add(seat.roleName());
      }
    }
    List<String> roomIds = seats.keySet().stream().map(observed::room).flatMap(Optional::stream)
        .map(ObservedRoom::roomId).toList();
    Map<String, Map<String, String>> membership = members.memberships(roomIds);
    List<VerifyReport.Entry> entries = new ArrayList<>();
    seats.forEach((key, people) -> {
      Optional<ObservedRoom> room = observed.room(key);
      String name = desired.room(key).map(DesiredRoom::name).orElse("");
      people.forEach((person, roles) -> entries.add(new VerifyReport.Entry(key,
          room.map(ObservedRoom::roomId).orElse(""), name, person, Set.copyOf(roles),
          status(person, room, room.map(r -> membership.getOrDefault(r.roomId(), Map.of()))
              .orElse(Map.of())))));
    });
    return new VerifyReport(desired.conferenceId(), only.map(t -> t.getKey().name()), entries);
  }

  private static PersonStatus status(Contact person, Optional<ObservedRoom> room,
      Map<String, String> membership) {
    if (!person.reachable()) {
      return PersonStatus.NO_CONTACT;
    }
    if (room.isEmpty()) {
      return PersonStatus.NO_ROOM;
    }
    if (person.matrixId().isEmpty()) {
      boolean sent = PeopleRecord.of(room.get().state(PeopleRecord.TYPE, ""))
          .hasInvited(new Invitee(person.label(), person.email().orElseThrow(), true));
      return sent ? PersonStatus.EMAIL_INVITED : PersonStatus.NOT_EMAILED;
    }
    String state = membership.get(person.matrixId().get());
    if (state == null) {
      return PersonStatus.NOT_INVITED;
    }
    return switch (state) {
      case "join" -> PersonStatus.JOINED;
      case "invite" -> PersonStatus.INVITED;
      case "ban" -> PersonStatus.BANNED;
      default -> PersonStatus.LEFT;
    };
  }
}

package io.usher.apply;

import io.usher.matrix.MatrixException;
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
 * homeserver), for the whole conference or one track. A person known only by an e-mail address
 * who was e-mailed an invite is looked up at the identity server (one lookup for all of them):
 * once they have bound the address, their Matrix id's membership is reported.
 */
public final class Verifier {
  private final MembershipReader members;
  private final Optional<EmailInvites> emails;

  /**
   * @param members reads membership when asked; nothing is read here
   * @param emails the identity server the e-mail invites went through, if one is configured
   */
  public Verifier(MembershipReader members, Optional<EmailInvites> emails) {
    this.members = members;
    this.emails = emails;
  }

  /** The Matrix ids e-mailed addresses are bound to, and why none could be learnt, if so. */
  private record Bindings(Map<String, String> byAddress, Optional<String> failure) {}

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
    Bindings bindings = bindings(seats, observed);
    List<VerifyReport.Entry> entries = new ArrayList<>();
    seats.forEach((key, people) -> {
      Optional<ObservedRoom> room = observed.room(key);
      String name = desired.room(key).map(DesiredRoom::name).orElse("");
      Map<String, String> inRoom = room.map(r -> membership.getOrDefault(r.roomId(), Map.of()))
          .orElse(Map.of());
      people.forEach((person, roles) -> entries.add(entry(key, room, name, person, roles,
          inRoom, bindings)));
    });
    return new VerifyReport(desired.conferenceId(), only.map(t -> t.getKey().name()), entries,
        bindings.failure().stream().toList());
  }

  private static VerifyReport.Entry entry(RoomKey key, Optional<ObservedRoom> room, String name,
      Contact person, Set<String> roles, Map<String, String> membership, Bindings bindings) {
    Optional<String> boundTo = person.matrixId().isEmpty() && emailed(person, room)
        ? person.email().map(bindings.byAddress()::get) : Optional.empty();
    return new VerifyReport.Entry(key, room.map(ObservedRoom::roomId).orElse(""), name, person,
        Set.copyOf(roles), status(person, room, membership, boundTo), boundTo);
  }

  /**
   * One identity server lookup for every address an invite was e-mailed to; none when no
   * identity server is configured or nobody was e-mailed. A failed lookup is told, not thrown.
   */
  private Bindings bindings(Map<RoomKey, Map<Contact, Set<String>>> seats,
      ObservedConference observed) {
    Set<String> emailed = new TreeSet<>();
    seats.forEach((key, people) -> people.keySet().stream()
        .filter(p -> p.matrixId().isEmpty() && emailed(p, observed.room(key)))
        .forEach(p -> emailed.add(p.email().orElseThrow())));
    if (emails.isEmpty() || emailed.isEmpty()) {
      return new Bindings(Map.of(), Optional.empty());
    }
    try {
      return new Bindings(emails.get().boundTo(emailed), Optional.empty());
    } catch (MatrixException e) {
      return new Bindings(Map.of(), Optional.of("the identity server lookup of " + emailed.size()
          + " e-mailed address(es) failed, so they show as e-mail invited: " + e.getMessage()));
    }
  }

  /** Whether the room's people record says an invite was e-mailed to this person. */
  private static boolean emailed(Contact person, Optional<ObservedRoom> room) {
    return person.email().isPresent() && room.isPresent()
        && PeopleRecord.of(room.get().state(PeopleRecord.TYPE, ""))
        .hasInvited(new Invitee(person.label(), person.email().get(), true));
  }

  /**
   * @param boundTo the Matrix id an e-mailed person bound their address to: their membership
   *     counts, once the homeserver has turned the e-mail invite into one
   */
  private static PersonStatus status(Contact person, Optional<ObservedRoom> room,
      Map<String, String> membership, Optional<String> boundTo) {
    if (!person.reachable()) {
      return PersonStatus.NO_CONTACT;
    }
    if (room.isEmpty()) {
      return PersonStatus.NO_ROOM;
    }
    if (person.matrixId().isEmpty() && !emailed(person, room)) {
      return PersonStatus.NOT_EMAILED;
    }
    Optional<String> userId = person.matrixId().or(() -> boundTo);
    String state = userId.map(membership::get).orElse(null);
    if (state == null) {
      return person.matrixId().isEmpty() ? PersonStatus.EMAIL_INVITED : PersonStatus.NOT_INVITED;
    }
    return switch (state) {
      case "join" -> PersonStatus.JOINED;
      case "invite" -> PersonStatus.INVITED;
      case "ban" -> PersonStatus.BANNED;
      default -> PersonStatus.LEFT;
    };
  }
}

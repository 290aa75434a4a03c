package io.usher.plan.people;

import io.usher.plan.Invitee;
import io.usher.plan.DesiredState;
import io.usher.plan.PlannedTrack;
import io.usher.plan.RoomKey;
import io.usher.plan.RoomKind;
import io.usher.plan.TrackGrouping;
import io.usher.schedule.Conference;
import io.usher.schedule.People;
import io.usher.schedule.Person;
import io.usher.schedule.PersonEntry;
import io.usher.schedule.Role;
import io.usher.schedule.Talk;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The schedule's persons joined with the people file, and the rooms their roles put them in.
 * Every person of a talk is its speaker; the people file adds contacts (Matrix id, e-mail) and
 * roles in tracks or talks. A people-file person is matched to the schedule by person id, else by
 * name (case and spacing ignored), else stands alone (a host or coordinator not in the schedule).
 */
public final class Roster {
  private final String conferenceId;
  private final RoleTemplate template;
  private final Map<String, PlannedTrack> trackOfTalk = new HashMap<>();
  private final Map<String, Contact> contacts = new LinkedHashMap<>();
  private final List<Seat> seats = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  private Roster(String conferenceId, RoleTemplate template) {
    this.conferenceId = conferenceId;
    this.template = template;
  }

  /**
   * @param tracks the tracks as the desired state groups them (a track role is matched by
   *     track name or id)
   */
  static Roster of(Conference conference, List<PlannedTrack> tracks, People people,
      RoleTemplate template, String conferenceId) {
    Roster roster = new Roster(conferenceId, template);
    tracks.forEach(t -> t.talks().forEach(talk -> roster.trackOfTalk.put(talk.id().value(), t)));
    Map<String, String> identities = roster.contacts(conference, people);
    for (PlannedTrack track : tracks) {
      for (Talk talk : track.talks()) {
        for (Person person : talk.persons()) {
          Contact contact = roster.contacts.get(personKey(person));
          roster.seat(contact, Role.SPEAKER, track, Optional.of(talk));
        }
      }
    }
    for (PersonEntry entry : people.entries()) {
      entry.role().ifPresent(role -> roster.entryRole(entry, role,
          roster.contacts.get(identities.get(entry.key())), tracks));
    }
    long unreachable = roster.contacts.values().stream().filter(c -> !c.reachable()).count();
    if (unreachable > 0) {
      roster.warnings.add(unreachable + " of " + roster.contacts.size() + " people have no Matrix"
          + " id or e-mail and cannot be invited (usher verify lists them)");
    }
    return roster;
  }

  /**
   * The problems of a people file against a schedule (unknown talks and tracks, conflicting
   * contacts), each naming the file and line; empty when it can be planned.
   */
  public static List<String> check(Conference conference, TrackGrouping grouping, People people,
      RoleTemplate template) {
    return of(conference, DesiredState.tracks(conference, grouping), people, template, "check").problems();
  }

  /** Builds the contacts; returns the identity each people-file key resolved to. */
  private Map<String, String> contacts(Conference conference, People people) {
    Map<String, String> byName = new HashMap<>();
    Map<String, String> byId = new HashMap<>();
    for (Person person : conference.persons()) {
      String key = personKey(person);
      contacts.put(key, new Contact(person.name(), Optional.empty(), Optional.empty()));
      byId.put(person.id().value(), key);
      byName.putIfAbsent(normal(person.name()), key);
    }
    Map<String, String> identities = new HashMap<>();
    for (PersonEntry entry : people.entries()) {
      String key = Optional.ofNullable(byId.get(entry.person()))
          .or(() -> Optional.ofNullable(byName.get(normal(entry.person()))))
          .or(() -> Optional.ofNullable(byName.get(normal(entry.name()))))
          .orElse("file:" + normal(entry.key()));
      if (key.startsWith("file:") && entry.role().isEmpty()) {
        warnings.add(entry.location() + ": '" + entry.key() + "' matches no person of the"
            + " schedule and has no role; ignored");
      }
      identities.put(entry.key(), key);
      merge(key, entry);
    }
    return identities;
  }

  private void merge(String key, PersonEntry entry) {
    Contact known = contacts.get(key);
    String label = known != null ? known.label() : entry.label();
    Optional<String> matrixId = known == null ? Optional.empty() : known.matrixId();
    Optional<String> email = known == null ? Optional.empty() : known.email();
    if (matrixId.isPresent() && entry.matrixId().isPresent()
        && !matrixId.equals(entry.matrixId())) {
      problems.add(entry.location() + ": " + label + " has two Matrix ids: " + matrixId.get()
          + " and " + entry.matrixId().get());
    }
    if (email.isPresent() && entry.email().isPresent() && !email.equals(entry.email())) {
      problems.add(entry.location() + ": " + label + " has two e-mail addresses: " + email.get()
          + " and " + entry.email().get());
    }
    contacts.put(key, new Contact(label, matrixId.or(entry::matrixId), email.or(entry::email)));
  }

  private void entryRole(PersonEntry entry, Role role, Contact contact,
      List<PlannedTrack> tracks) {
    if (!entry.talk().isEmpty()) {
      PlannedTrack track = trackOfTalk.get(entry.talk());
      if (track == null) {
        problems.add(entry.location() + ": talk '" + entry.talk() + "' is not in the schedule"
            + " (expected an event id)");
        return;
      }
      Talk talk = track.talks().stream().filter(t -> t.id().value().equals(entry.talk()))
          .findFirst().orElseThrow();
      seat(contact, role, track, Optional.of(talk));
      return;
    }
    Optional<PlannedTrack> track = tracks.stream()
        .filter(t -> t.id().equals(entry.track()) || normal(t.name()).equals(normal(entry.track())))
        .findFirst();
    if (track.isEmpty()) {
      problems.add(entry.location() + ": track '" + entry.track() + "' is not in the schedule"
          + " (expected a track name or id, e.g. " + String.join(", ", tracks.stream().limit(3)
          .map(t -> "'" + t.name() + "'").toList()) + ")");
      return;
    }
    seat(contact, role, track.get(), Optional.empty());
  }

  /** Seats a person in the rooms of their role: a talk's, or a whole track's when no talk. */
  private void seat(Contact contact, Role role, PlannedTrack track, Optional<Talk> talk) {
    template.roomsOf(role).forEach((kind, power) -> {
      if (kind == RoomKind.TALK) {
        List<Talk> talks = talk.map(List::of).orElse(track.talks());
        talks.forEach(t -> seats.add(new Seat(contact, role,
            new RoomKey(RoomKind.TALK, conferenceId, t.id().value()), power)));
      } else {
        seats.add(new Seat(contact, role, new RoomKey(kind, conferenceId, track.id()), power));
      }
    });
  }

  private static String personKey(Person person) {
    return "schedule:" + person.id().value();
  }

  private static String normal(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ")
        .toLowerCase(Locale.ROOT);
  }

  /** Every person's place in every room, in schedule then people-file order. */
  public List<Seat> seats() {
    return List.copyOf(seats);
  }

  /** Every person: the schedule's, then those only in the people file. */
  public List<Contact> people() {
    return List.copyOf(contacts.values());
  }

  /** Errors that must stop a plan: roles for unknown talks or tracks, conflicting contacts. */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  /** The power each user id gets from roles in each room (the highest of their roles). */
  Map<RoomKey, Map<String, Integer>> powers() {
    Map<RoomKey, Map<String, Integer>> out = new HashMap<>();
    for (Seat seat : seats) {
      if (seat.power() > 0 && seat.person().matrixId().isPresent()) {
        out.computeIfAbsent(seat.room(), k -> new LinkedHashMap<>())
            .merge(seat.person().matrixId().get(), seat.power(), Math::max);
      }
    }
    return out;
  }

  /**
   * Who should be invited to each room: by Matrix id, else by e-mail when {@code byEmail}; one
   * invite per address.
   */
  Map<RoomKey, List<Invitee>> invitees(boolean byEmail) {
    Map<RoomKey, Map<String, Invitee>> out = new HashMap<>();
    for (Seat seat : seats) {
      Contact person = seat.person();
      Optional<Invitee> invitee = person.matrixId()
          .map(id -> new Invitee(person.label(), id, false))
          .or(() -> person.email().filter(e -> byEmail)
              .map(e -> new Invitee(person.label(), e, true)));
      invitee.ifPresent(i -> out.computeIfAbsent(seat.room(), k -> new LinkedHashMap<>())
          .putIfAbsent(i.address(), i));
    }
    Map<RoomKey, List<Invitee>> lists = new HashMap<>();
    out.forEach((room, byAddress) -> lists.put(room, List.copyOf(byAddress.values())));
    return lists;
  }
}

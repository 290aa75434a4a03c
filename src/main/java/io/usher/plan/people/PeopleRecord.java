package io.usher.plan.people;

import io.usher.plan.Invitee;
import io.usher.plan.DesiredRoom;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What Usher did for people in a room, kept as the state event {@value #TYPE} (state key
 * {@code ""}) so that it is read with the rest of the room's state and written at creation for
 * free, in {@code initial_state}.
 *
 * <p>{@code power} is the power levels Usher granted: a user in it who is no longer wanted is
 * demoted; a user with power who is not in it was given power by someone else and is left alone.
 * {@code invited} and {@code email_invited} are who was ever invited, so nobody is invited twice
 * (not even after leaving). E-mail addresses are stored as SHA-256 hashes, because the event is
 * readable by the room's members.
 */
public record PeopleRecord(Map<String, Integer> power, Set<String> invited,
    Set<String> emailInvited) {
  /** The record's state event type. */
  public static final String TYPE = "io.usher.people";

  public PeopleRecord {
    power = Map.copyOf(power);
    invited = Set.copyOf(invited);
    emailInvited = Set.copyOf(emailInvited);
  }

  public static PeopleRecord empty() {
    return new PeopleRecord(Map.of(), Set.of(), Set.of());
  }

  /**
   * The record in a room's {@link #TYPE} state event, or an empty one (a room made before
   * records, or not yet written).
   */
  public static PeopleRecord of(Optional<Map<String, Object>> content) {
    return content.map(PeopleRecord::parse).orElse(empty());
  }

  /**
   * The record of a room created now: the power it grants, and the invitees on
   * {@code serverName}, who are invited in the createRoom request itself.
   */
  public static PeopleRecord initial(DesiredRoom room, String serverName) {
    PeopleRecord record = new PeopleRecord(room.powerLevels().users(), Set.of(), Set.of());
    for (Invitee invitee : room.localInvitees(serverName)) {
      record = record.with(invitee);
    }
    return record;
  }

  /** The record in an event's content; malformed parts count as empty. */
  public static PeopleRecord parse(Map<String, Object> content) {
    Map<String, Integer> power = new TreeMap<>();
    if (content.get("power") instanceof Map<?, ?> map) {
      map.forEach((user, level) -> {
        if (level instanceof Number number) {
          power.put(String.valueOf(user), number.intValue());
        }
      });
    }
    return new PeopleRecord(power, strings(content.get("invited")),
        strings(content.get("email_invited")));
  }

  private static Set<String> strings(Object value) {
    Set<String> out = new TreeSet<>();
    if (value instanceof List<?> list) {
      list.forEach(item -> out.add(String.valueOf(item)));
    }
    return out;
  }

  /** The event content: users and hashes sorted, so equal records have equal content. */
  public Map<String, Object> content() {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("power", new TreeMap<>(power));
    content.put("invited", List.copyOf(new TreeSet<>(invited)));
    content.put("email_invited", List.copyOf(new TreeSet<>(emailInvited)));
    return content;
  }

  /** Whether this person was invited before (by user id or by e-mail hash). */
  public boolean hasInvited(Invitee invitee) {
    return invitee.email() ? emailInvited.contains(emailKey(invitee.address()))
        : invited.contains(invitee.address());
  }

  /** This record with the invitee added. */
  public PeopleRecord with(Invitee invitee) {
    return change(invitee, true);
  }

  /** This record without the invitee: its invite failed. */
  public PeopleRecord without(Invitee invitee) {
    return change(invitee, false);
  }

  private PeopleRecord change(Invitee invitee, boolean add) {
    Set<String> users = new TreeSet<>(invited);
    Set<String> emails = new TreeSet<>(emailInvited);
    Set<String> target = invitee.email() ? emails : users;
    String key = invitee.email() ? emailKey(invitee.address()) : invitee.address();
    if (add) {
      target.add(key);
    } else {
      target.remove(key);
    }
    return new PeopleRecord(power, users, emails);
  }

  /** The SHA-256 (hex) of the lower-cased address. */
  static String emailKey(String email) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}

package io.usher.schedule.people;

import io.usher.schedule.PersonEntry;
import io.usher.schedule.Role;
import io.usher.schedule.ScheduleProblem;
import io.usher.schedule.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turns one row of fields (CSV or YAML) into entries, checking each field. */
final class EntryReader {
  static final List<String> COLUMNS =
      List.of("person", "name", "matrix_id", "email", "role", "track", "talk");

  /** Matrix user ids: https://spec.matrix.org/latest/appendices/#user-identifiers */
  private static final Pattern USER_ID = Pattern.compile("@[^:\\s]+:[A-Za-z0-9.\\-\\[\\]:]+");
  /** An e-mail address, loosely: something@domain.tld without spaces. */
  static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  /** A header or key in canonical form: lower case, {@code _} for spaces and dashes. */
  static String column(String header) {
    String name = header.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    return switch (name) {
      case "mxid", "matrix", "matrix_user", "user_id" -> "matrix_id";
      case "e_mail", "mail" -> "email";
      case "id", "person_id" -> "person";
      case "event", "event_id", "talk_id" -> "talk";
      default -> name;
    };
  }

  /**
   * The entries of one row: one per role (the row's own role and each of {@code roles}), or a
   * single entry without a role.
   */
  List<PersonEntry> read(Map<String, String> fields, List<Map<String, String>> roles,
      SourceLocation where, List<ScheduleProblem> problems) {
    String person = get(fields, "person");
    Optional<String> matrixId = optional(get(fields, "matrix_id"));
    Optional<String> email = optional(get(fields, "email"));
    int before = problems.size();
    matrixId.filter(id -> !USER_ID.matcher(id).matches()).ifPresent(id -> problems.add(
        new ScheduleProblem(where, "matrix_id: '" + id + "' is not a Matrix user id (expected"
            + " @name:server)")));
    email.filter(e -> !EMAIL.matcher(e).matches()).ifPresent(e -> problems.add(
        new ScheduleProblem(where, "email: '" + e + "' is not an e-mail address")));
    if (person.isEmpty() && matrixId.isEmpty() && email.isEmpty()) {
      problems.add(new ScheduleProblem(where, "no person, matrix_id or email: say who this"
          + " line is about"));
    }
    List<Map<String, String>> allRoles = new ArrayList<>(roles);
    if (!get(fields, "role").isEmpty() || !get(fields, "track").isEmpty()
        || !get(fields, "talk").isEmpty()) {
      allRoles.add(0, fields);
    }
    List<PersonEntry> out = new ArrayList<>();
    for (Map<String, String> role : allRoles) {
      Optional<Role> parsed = role(role, where, problems);
      out.add(new PersonEntry(person, get(fields, "name"), matrixId, email, parsed,
          get(role, "track"), get(role, "talk"), where));
    }
    if (allRoles.isEmpty()) {
      out.add(new PersonEntry(person, get(fields, "name"), matrixId, email, Optional.empty(),
          "", "", where));
    }
    return problems.size() == before ? out : List.of();
  }

  private static Optional<Role> role(Map<String, String> fields, SourceLocation where,
      List<ScheduleProblem> problems) {
    String text = get(fields, "role");
    String track = get(fields, "track");
    String talk = get(fields, "talk");
    if (text.isEmpty()) {
      problems.add(new ScheduleProblem(where, "role: missing for track/talk '" + track + talk
          + "' (expected one of " + Role.names() + ")"));
      return Optional.empty();
    }
    Optional<Role> role = Role.parse(text);
    if (role.isEmpty()) {
      problems.add(new ScheduleProblem(where, "role: '" + text + "' is not a role (expected one"
          + " of " + Role.names() + ")"));
    } else if (track.isEmpty() == talk.isEmpty()) {
      problems.add(new ScheduleProblem(where, "role " + text + ": give exactly one of track"
          + " and talk"));
    }
    return role;
  }

  private static String get(Map<String, String> fields, String key) {
    String value = fields.get(key);
    return value == null ? "" : value.strip();
  }

  private static Optional<String> optional(String value) {
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }
}

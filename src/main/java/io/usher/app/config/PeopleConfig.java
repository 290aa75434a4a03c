package io.usher.app.config;

import io.usher.plan.RoomKind;
import io.usher.plan.people.RoleTemplate;
import io.usher.schedule.Role;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Validates the {@code people:} and {@code roles:} sections of the config. */
final class PeopleConfig {
  private static final String KINDS = RoleTemplate.KINDS.stream()
      .map(k -> k.wireName().replace('-', '_')).sorted().collect(Collectors.joining(", "));

  private PeopleConfig() {}

  static PeopleSettings of(ConfigFile.PeopleSection people,
      Map<String, Map<String, Integer>> roles, Path base, Problems problems) {
    RoleTemplate template = roles(roles, problems);
    if (people == null) {
      return new PeopleSettings(Optional.empty(), ConfigDefaults.DEMOTE_UNLISTED,
          ConfigDefaults.INVITES_PER_SECOND, Optional.empty(), template);
    }
    Optional<Path> file = Optional.ofNullable(people.file())
        .map(f -> Fields.readableFile(f, base, "people.file", problems));
    double rate = Fields.perSecond(people.invitesPerSecond(), "people.invites_per_second",
        ConfigDefaults.INVITES_PER_SECOND, problems);
    Optional<String> identityServer = Optional.ofNullable(people.identityServer())
        .map(String::strip);
    identityServer.filter(url -> !url.matches("https?://[^\\s/]+/?")).ifPresent(url ->
        problems.add("people.identity_server", "'" + url + "' is not a base URL (expected e.g."
            + " https://vector.im)"));
    return new PeopleSettings(file,
        Fields.flag(people.demoteUnlisted(), ConfigDefaults.DEMOTE_UNLISTED), rate,
        identityServer, template);
  }

  private static RoleTemplate roles(Map<String, Map<String, Integer>> roles,
      Problems problems) {
    RoleTemplate template = ConfigDefaults.roles();
    if (roles == null) {
      return template;
    }
    for (var entry : roles.entrySet()) {
      Optional<Role> role = Role.parse(entry.getKey());
      if (role.isEmpty()) {
        problems.add("roles." + entry.getKey(), "not a role (expected one of " + Role.names()
            + ")");
        continue;
      }
      Map<RoomKind, Integer> rooms = new EnumMap<>(RoomKind.class);
      Map<String, Integer> given = entry.getValue() == null ? Map.of() : entry.getValue();
      given.forEach((kindName, power) -> {
        String field = "roles." + entry.getKey() + "." + kindName;
        Optional<RoomKind> kind = RoomKind.fromWireName(kindName.replace('_', '-'))
            .filter(RoleTemplate.KINDS::contains);
        if (kind.isEmpty()) {
          problems.add(field, "not a room a role can be given (expected " + KINDS + ")");
        } else if (power == null || power < 0 || power > 100) {
          problems.add(field, "power " + power + " is out of range (expected 0-100)");
        } else {
          rooms.put(kind.get(), power);
        }
      });
      template = template.with(role.get(), rooms);
    }
    return template;
  }
}

package io.usher.app.config;

import io.usher.plan.people.RoleTemplate;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The validated {@code people:} and {@code roles:} sections.
 *
 * @param file the people file (CSV or YAML), if any
 * @param invitesPerSecond how fast invites are sent, so a big first apply does not burst
 * @param identityServer the identity server's base URL for e-mail (3PID) invites, if any
 */
public record PeopleSettings(Optional<Path> file, boolean demoteUnlisted, double invitesPerSecond,
    Optional<String> identityServer, RoleTemplate roles) {}

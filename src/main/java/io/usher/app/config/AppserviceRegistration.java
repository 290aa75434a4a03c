package io.usher.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What Usher reads from its application service registration
 * (https://spec.matrix.org/latest/application-service-api/#registration): the token it
 * authenticates with, and whether the homeserver rate-limits it.
 *
 * @param asToken sent as the bot's access token; never printed
 * @param botLocalpart the user in its namespace the bot acts as ({@code x_usher_bot}): Synapse
 *     serves no {@code /sync} to the registration's own sender
 */
record AppserviceRegistration(String asToken, boolean rateLimited, String botLocalpart) {

  /** The registration at {@code file}; problems name the field. */
  static AppserviceRegistration read(Path file, Problems problems) {
    try {
      JsonNode yaml = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
      String token = yaml == null ? "" : yaml.path("as_token").asText("");
      if (token.isBlank()) {
        problems.add("homeserver.appservice_registration", file + " has no as_token");
      }
      String bot = yaml == null ? "" : yaml.path("x_usher_bot").asText("");
      if (bot.isBlank()) {
        problems.add("homeserver.appservice_registration", file + " has no x_usher_bot (the"
            + " bot's localpart; usher appservice-registration writes it)");
      }
      return new AppserviceRegistration(token,
          yaml == null ? ConfigDefaults.APPSERVICE_RATE_LIMITED
              : yaml.path("rate_limited").asBoolean(ConfigDefaults.APPSERVICE_RATE_LIMITED), bot);
    } catch (IOException e) {
      problems.add("homeserver.appservice_registration", "cannot read " + file + " ("
          + e.getMessage().lines().findFirst().orElse("") + ")");
      return new AppserviceRegistration("", ConfigDefaults.APPSERVICE_RATE_LIMITED, "");
    }
  }

  @Override
  public String toString() {
    return "AppserviceRegistration[asToken=<redacted>, rateLimited=" + rateLimited + ", bot="
        + botLocalpart + "]";
  }
}

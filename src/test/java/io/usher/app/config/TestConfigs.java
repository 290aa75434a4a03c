package io.usher.app.config;

import io.usher.LocalSynapse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes configs for the local Synapse's bot. */
public final class TestConfigs {
  private TestConfigs() {}

  /**
   * Writes {@code dir/usher.yaml} for a conference with @admin as organiser.
   *
   * @param extraYaml appended as is (moderators, lifecycle, management_room)
   */
  public static Path write(Path dir, LocalSynapse synapse, String conferenceId, String timeZone,
      Path schedule, String extraYaml) throws IOException {
    return write(dir, synapse.url, synapse.botTokenFile, conferenceId, timeZone, schedule,
        extraYaml);
  }

  /** As above, for a homeserver at {@code url} whose bot token is in {@code tokenFile}. */
  public static Path write(Path dir, String url, Path tokenFile, String conferenceId,
      String timeZone, Path schedule, String extraYaml) throws IOException {
    Path config = dir.resolve("usher.yaml");
    Files.writeString(config, """
        homeserver:
          url: %s
          access_token_file: %s
        conference:
          id: %s
          time_zone: %s
          schedule: %s
        organisers: ["@admin:localhost"]
        apply:
          parallelism: 4
        """.formatted(url, tokenFile, conferenceId, timeZone, schedule)
        + extraYaml);
    return config;
  }
}

package io.usher.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.usher.SharedSchedules;
import io.usher.plan.diff.RemovalGuard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A field left out, a section left empty and the README's "these are the defaults" mean the same
 * thing, and a bad field in any section is named the same way.
 */
class ConfigDefaultsTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @TempDir Path dir;

  private Settings load(String extraYaml) throws Exception {
    Files.writeString(dir.resolve("token"), "syt_secret\n");
    Path config = dir.resolve("usher.yaml");
    Files.writeString(config, """
        homeserver:
          url: http://127.0.0.1:1
          access_token_file: token
        conference:
          id: conf
          time_zone: Europe/Brussels
          schedule: %s
        """.formatted(SharedSchedules.example()) + extraYaml);
    return new ConfigLoader().load(config);
  }

  @Test
  void leftOutFieldsTakeTheDefaults() throws Exception {
    Settings settings = load("");
    assertThat(settings.parallelism()).isEqualTo(ConfigDefaults.PARALLELISM);
    assertThat(settings.refreshEvery()).isEqualTo(ConfigDefaults.REFRESH_EVERY);
    assertThat(settings.grouping()).isEqualTo(ConfigDefaults.GROUP_BY);
    assertThat(settings.scheduleCache()).isEqualTo(dir.resolve(ConfigDefaults.SCHEDULE_CACHE));
    assertThat(settings.lifecycle()).isEqualTo(ConfigDefaults.lifecycle());
    assertThat(settings.people().roles()).isEqualTo(ConfigDefaults.roles());
    assertThat(settings.people().invitesPerSecond()).isEqualTo(ConfigDefaults.INVITES_PER_SECOND);
    assertThat(settings.onboarding().mapping()).isEqualTo(ConfigDefaults.localparts());
    assertThat(settings.onboarding().perSecond()).isEqualTo(ConfigDefaults.ONBOARDING_PER_SECOND);
    assertThat(settings.web().host()).isEqualTo(ConfigDefaults.WEB_HOST);
    assertThat(settings.web().port()).isEqualTo(ConfigDefaults.WEB_PORT);
    assertThat(settings.removalGuard()).isEqualTo(new RemovalGuard(
        ConfigDefaults.REMOVAL_SHARE, ConfigDefaults.REMOVAL_MOST));
  }

  @Test
  void anEmptySectionMeansTheSameAsNoSection() throws Exception {
    Settings none = load("");
    Settings empty = load("""
        apply: {}
        people: {}
        roles: {}
        onboarding: {}
        lifecycle: {}
        web: {}
        widgets: {}
        """);
    assertThat(empty).isEqualTo(none);
  }

  @Test
  void theReadmeDefaultsAreTheDefaults() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf("```yaml\n") + "```yaml\n".length();
    JsonNode example = YAML.readTree(readme.substring(start, readme.indexOf("```", start)));
    ObjectNode defaults = YAML.createObjectNode();
    for (String section : new String[] {"roles", "onboarding", "lifecycle"}) {
      defaults.set(section, example.get(section));
    }
    JsonNode guard = example.at("/conference/removal_guard");
    assertThat(Fields.percent(guard.path("share").asText(), "share", -1, new Problems()))
        .isEqualTo(ConfigDefaults.REMOVAL_SHARE);
    assertThat(guard.path("most").asInt()).isEqualTo(ConfigDefaults.REMOVAL_MOST);
    Settings none = load("");
    Settings readmes = load(YAML.writeValueAsString(defaults).replaceFirst("^---\n", ""));
    assertThat(readmes.lifecycle()).isEqualTo(none.lifecycle());
    assertThat(readmes.people().roles()).isEqualTo(none.people().roles());
    assertThat(readmes.onboarding()).isEqualTo(none.onboarding());
    assertThat(example.at("/apply/parallelism").asInt()).isEqualTo(ConfigDefaults.PARALLELISM);
    assertThat(example.at("/people/invites_per_second").asDouble())
        .isEqualTo(ConfigDefaults.INVITES_PER_SECOND);
    assertThat(Durations.parse(readme.replaceAll("(?s).*`conference.refresh_every` \\(default"
        + " `([^`]+)`\\).*", "$1"))).contains(ConfigDefaults.REFRESH_EVERY);
  }

  @Test
  void badFieldsAreNamedAlikeInEverySection() {
    assertThatThrownBy(() -> load("""
        people: {invites_per_second: 0}
        onboarding: {per_second: 5000}
        lifecycle: {grace: soon}
        """))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("usher.yaml: people.invites_per_second: 0.0 is out of range"
            + " (expected more than 0, at most 1000)")
        .hasMessageContaining("usher.yaml: onboarding.per_second: 5000.0 is out of range"
            + " (expected more than 0, at most 1000)")
        .hasMessageContaining("usher.yaml: lifecycle.grace: 'soon' is not a duration");
  }

  @Test
  void durationsReadAsOrganisersWriteThem() {
    assertThat(Durations.parse("1h30m")).contains(Duration.ofMinutes(90));
    assertThat(Durations.parse(" 90S ")).contains(Duration.ofSeconds(90));
    assertThat(Durations.parse("0")).contains(Duration.ZERO);
    assertThat(Durations.parse("pt5m")).contains(Duration.ofMinutes(5));
    assertThat(Durations.parse("-PT5M")).isEmpty();
    assertThat(Durations.parse("")).isEmpty();
    assertThat(Durations.parse("soon")).isEmpty();
  }
  @Test
  void schedulerStoreIsCheckedAndItsPasswordNeverPrinted() throws Exception {
    assertThat(load("").store()).isEmpty();
    assertThatThrownBy(() -> load("""
        scheduler:
          store: {jdbc_url: "mysql://db/usher", password_file: missing, checkin_interval: 2m}
        """))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("usher.yaml: scheduler.store.jdbc_url: 'mysql://db/usher' is not a"
            + " PostgreSQL JDBC URL (expected jdbc:postgresql://host:port/database)")
        .hasMessageContaining("usher.yaml: scheduler.store.user:")
        .hasMessageContaining("usher.yaml: scheduler.store.password_file: cannot read")
        .hasMessageContaining("usher.yaml: scheduler.store.checkin_interval: 2m is out of range"
            + " (expected 1s to 1m)");

    Files.writeString(dir.resolve("db.password"), "pg-secret\n");
    StoreSettings store = load("""
        scheduler:
          store: {jdbc_url: "jdbc:postgresql://127.0.0.1:5433/usher", user: usher,
                  password_file: db.password}
        """).store().orElseThrow();
    assertThat(store.password()).isEqualTo("pg-secret");
    assertThat(store.checkinInterval()).isEqualTo(ConfigDefaults.CHECKIN_INTERVAL);
    assertThat(store.toString()).doesNotContain("pg-secret");
  }
}

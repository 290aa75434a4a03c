package io.usher.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.LocalSynapse;
import io.usher.SharedSchedules;
import io.usher.app.config.ConfigLoader;
import io.usher.app.config.TestConfigs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whether the bot's account is rate-limited, told before an apply, on the real Synapse. */
class RateLimitCheckIntegrationTest {
  static LocalSynapse synapse;

  @TempDir Path dir;

  @BeforeAll
  static void homeserver() {
    synapse = LocalSynapse.get();
  }

  private BotSession connection(String token, boolean lift) throws Exception {
    Path config = TestConfigs.write(dir, synapse, "rl", "Europe/Brussels",
        SharedSchedules.example(), "");
    String text = Files.readString(config);
    if (token != null) {
      text = text.replaceAll("access_token_file: .*", "access_token: " + token);
    }
    if (lift) {
      text = text.replace("homeserver:\n", "homeserver:\n  lift_own_rate_limits: true\n");
    }
    Files.writeString(config, text);
    return BotSession.open(new ConfigLoader().load(config), io.usher.schedule.People.none(),
        new PrintWriter(new StringWriter()));
  }

  @Test
  void anExemptBotIsToldSo() throws Exception {
    assertThat(RateLimitCheck.run(connection(null, false), 18))
        .isEqualTo("rate limits: @bot:localhost is exempt (Synapse admin override)");
  }

  @Test
  void anAdminBotIsToldTheRemedyAndCanExemptItself() throws Exception {
    String localpart = "rl-" + UUID.randomUUID().toString().substring(0, 8);
    String token = synapse.token(localpart, true);
    String userId = "@" + localpart + ":localhost";
    assertThat(RateLimitCheck.run(connection(token, false), 30))
        .contains(userId + " is NOT exempt")
        .contains("at Synapse's default limits (10 rooms at once, then one every 62.5 s) its 30"
            + " new rooms take about 20 min 50 s")
        .contains("set homeserver.lift_own_rate_limits: true, or run curl -X POST")
        .contains(synapse.url + "/_synapse/admin/v1/users/" + userId + "/override_ratelimit")
        .doesNotContain(token);
    BotSession lifting = connection(token, true);
    assertThat(RateLimitCheck.check(lifting, 18)).as("plan changes nothing")
        .contains("apply will exempt it");
    assertThat(RateLimitCheck.run(lifting, 18)).contains("it exempted itself");
    assertThat(RateLimitCheck.run(connection(token, false), 18)).contains(userId + " is exempt");
  }

  @Test
  void aBotThatIsNotAnAdminIsToldWhoCanHelp() throws Exception {
    String token = synapse.token("rl-plain", false);
    assertThat(RateLimitCheck.run(connection(token, true), 18))
        .contains("@rl-plain:localhost may be rate-limited (it is not a server admin")
        .contains("curl -X POST").contains("application service with rate_limited: false")
        .doesNotContain(token);
  }
}

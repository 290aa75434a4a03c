package io.usher.app.cli;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.usher.SharedSchedules;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code usher plan --offline}: an organiser's preview against an empty homeserver, contacting
 * none, and a way to compare two schedules' aliases in a script.
 */
class OfflinePlanTest {
  private static final Pattern CREATE = Pattern.compile("^    \\+ (\\S+)  \".*\"  #(\\S+)$",
      Pattern.MULTILINE);

  @TempDir Path dir;
  WireMockServer homeserver;

  @BeforeEach
  void start() {
    homeserver = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    homeserver.start();
  }

  @AfterEach
  void stop() {
    homeserver.stop();
  }

  private Map<String, String> aliases(Path schedule, String name) throws Exception {
    Files.writeString(dir.resolve("token"), "syt_secret\n");
    Path config = dir.resolve(name + ".yaml");
    Files.writeString(config, """
        homeserver:
          url: %s
          access_token_file: token
        conference:
          id: fosdem2021
          time_zone: Europe/Brussels
          schedule: %s
        organisers: ["@admin:example.org"]
        """.formatted(homeserver.baseUrl(), schedule));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "plan",
        "--offline", "--full", "--server-name", "example.org", "-c", config.toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Offline: planned against an empty homeserver"
        + " example.org; nothing was contacted.").doesNotContain("syt_secret");
    Map<String, String> aliases = new LinkedHashMap<>();
    Matcher m = CREATE.matcher(out.toString());
    while (m.find()) {
      aliases.put(m.group(1), m.group(2));
    }
    return aliases;
  }

  @Test
  void addingAnUnrelatedTalkToFosdem2021ChangesNoOtherRoomsAlias() throws Exception {
    Path original = SharedSchedules.path(SharedSchedules.FOSDEM_2021);
    String xml = Files.readString(original);
    // The end of the first schedule room (not an event's own <room>K.fosdem</room>).
    int firstRoomEnd = xml.indexOf("\n    </room>") + 1;
    Path edited = dir.resolve("fosdem-2021-plus-one.xml");
    Files.writeString(edited, xml.substring(0, firstRoomEnd) + """
          <event id="99999">
            <start>18:00</start><duration>00:25</duration><room>K.fosdem</room>
            <slug>an_unrelated_talk</slug><title>An unrelated talk</title>
            <track>FOSDEM</track><type>maintrack</type><persons></persons>
          </event>
        """ + xml.substring(firstRoomEnd));

    Map<String, String> before = aliases(original, "before");
    Map<String, String> after = aliases(edited, "after");

    assertThat(before).hasSize(1109);
    assertThat(after).hasSize(1110).containsKey("talk:99999");
    before.forEach((room, alias) -> assertThat(after.get(room)).as(room).isEqualTo(alias));
    assertThat(homeserver.getAllServeEvents()).as("no request reached a homeserver").isEmpty();
  }
}

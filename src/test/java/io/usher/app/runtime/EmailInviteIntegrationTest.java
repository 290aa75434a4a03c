package io.usher.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.usher.LocalSynapse;
import io.usher.SharedSchedules;
import io.usher.app.config.TestConfigs;
import io.usher.apply.PersonStatus;
import io.usher.apply.VerifyReport;
import io.usher.matrix.IdentityServerClient;
import io.usher.matrix.MatrixClient;
import io.usher.matrix.RoomEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An e-mail (3PID) invite from a people file, end to end against a real identity server
 * (scripts/sydent: Sydent behind TLS, mails to a folder) and a Synapse set up for it
 * (USHER_SYNAPSE_IDENTITY): Usher invites by address
 * (https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3roomsroomidinvite-1),
 * the homeserver stores the invite at the identity server, which mails it
 * (https://spec.matrix.org/latest/identity-service-api/#invitation-storage); the invitee, a new
 * account, proves the address (requestToken, the token from the mail, submitToken) and binds it
 * (https://spec.matrix.org/latest/identity-service-api/#email-associations), the identity server
 * tells the homeserver (onbind), and the invite becomes the invitee's membership invite; verify
 * then learns the bound Matrix id from the identity server's lookup and reports its membership.
 * Tagged "email": only scripts/test-email runs it, with its own Synapse and Sydent.
 */
@Tag("email")
class EmailInviteIntegrationTest {
  /** scripts/sydent's folder, as the script reads it. */
  static final Path SYDENT = Path.of(Optional.ofNullable(System.getenv("USHER_SYDENT_DATA"))
      .orElse(".usher/sydent")).toAbsolutePath();
  static final String IDENTITY_SERVER = "https://localhost:"
      + (Integer.parseInt(Optional.ofNullable(System.getenv("USHER_SYDENT_PORT")).orElse("8090"))
      + 1);
  static final Duration WAIT = Duration.ofSeconds(30);
  static final ObjectMapper JSON = new ObjectMapper();

  static LocalSynapse synapse;
  static MatrixClient bot;
  static HttpClient https;

  @TempDir Path dir;

  @BeforeAll
  static void servers() throws Exception {
    if (new ProcessBuilder("scripts/sydent", "start").inheritIO().start().waitFor() != 0) {
      throw new IllegalStateException("scripts/sydent start failed");
    }
    Path trustStore = SYDENT.resolve("tls/truststore.p12");
    // Usher's identity server client (OkHttp) uses the JVM's default trust, read when a client
    // is built: this run trusts the local CA that signed Sydent's certificate. This class runs
    // in a JVM of its own (scripts/test-email).
    System.setProperty("javax.net.ssl.trustStore", trustStore.toString());
    System.setProperty("javax.net.ssl.trustStorePassword", "usher-test");
    System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(trustStore)) {
      store.load(in, "usher-test".toCharArray());
    }
    TrustManagerFactory trust = TrustManagerFactory.getInstance(
        TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, trust.getTrustManagers(), null);
    https = HttpClient.newBuilder().sslContext(tls).build();
    synapse = LocalSynapse.get();
    bot = synapse.bot();
  }

  @Test
  void anEmailInviteReachesTheMailboxAndBecomesAMembershipInviteOnceTheAddressIsBound()
      throws Exception {
    String conf = "em" + UUID.randomUUID().toString().substring(0, 8);
    String email = "gil." + conf + "@example.org";
    Files.writeString(dir.resolve("people.csv"), "person,name,matrix_id,email,role,track,talk\n"
        + "Gil Mailonly,,," + email + ",host,,201\n");
    Path config = TestConfigs.write(dir, synapse, conf, "Europe/Brussels",
        SharedSchedules.example(), "people:\n  file: people.csv\n  invites_per_second: 100\n"
        + "  identity_server: " + IDENTITY_SERVER + "\n");

    Applied applied = Applied.apply(config, Instant.parse("2026-03-01T00:00:00Z"));
    assertThat(applied.result().failures()).isEmpty();
    assertThat(applied.invites()).as("talk 201's room and its track's backstage").isEqualTo(2);
    String talk = roomOf(conf, "talk-matrix-bots");
    String backstage = roomOf(conf, "real-time-communications-backstage");
    List<String> invites = mails(email, mail -> mail.contains("Invite token:"), 2);
    assertThat(String.join("\n", invites)).contains(talk).contains(backstage)
        .contains("@bot:localhost");
    assertThat(statuses(config, email)).containsOnly(PersonStatus.EMAIL_INVITED);
    assertThat(Applied.apply(config, Instant.parse("2026-03-01T00:00:00Z")).invites())
        .as("nobody is e-mailed twice").isZero();

    String localpart = "gil" + conf;
    String gilId = "@" + localpart + ":localhost";
    MatrixClient gil = synapse.user(localpart);
    bind(gil, gilId, email);

    for (String room : List.of(talk, backstage)) {
      JsonNode member = awaitMember(room, gilId);
      assertThat(member.path("membership").asText()).isEqualTo("invite");
      assertThat(member.path("third_party_invite").path("signed").path("mxid").asText())
          .isEqualTo(gilId);
    }
    gil.join(talk);
    assertThat(memberships(talk)).containsEntry(gilId, "join");
    assertThat(memberships(backstage)).containsEntry(gilId, "invite");
    // The people file knows Gil by his e-mail address only: verify asks the identity server
    // which Matrix id the address is bound to, and reports that id's membership, room by room.
    VerifyReport report = verify(config);
    System.out.print(report.render());
    assertThat(entries(report, email)).extracting(VerifyReport.Entry::roomId,
        VerifyReport.Entry::status, VerifyReport.Entry::boundTo).containsExactlyInAnyOrder(
        tuple(talk, PersonStatus.JOINED, Optional.of(gilId)),
        tuple(backstage, PersonStatus.INVITED, Optional.of(gilId)));
    assertThat(report.notes()).isEmpty();
    assertThat(report.render()).contains("bound to " + gilId);

    // An identity server that does not answer: the e-mail invite is what verify can tell,
    // and why it cannot tell more is said once.
    Path unreachable = TestConfigs.write(dir, synapse, conf, "Europe/Brussels",
        SharedSchedules.example(), "people:\n  file: people.csv\n"
        + "  identity_server: https://127.0.0.1:9\n");
    VerifyReport blind = verify(unreachable);
    blind.render().lines().filter(line -> line.startsWith("  note: ")
        || line.contains(email)).forEach(System.out::println);
    assertThat(entries(blind, email)).extracting(VerifyReport.Entry::status)
        .containsOnly(PersonStatus.EMAIL_INVITED).hasSize(2);
    assertThat(blind.notes()).singleElement().asString()
        .contains("identity server lookup of 1 e-mailed address(es) failed");
  }

  /**
   * The invitee's side, as a client does it with the identity service API v2: an identity
   * server token from an OpenID token, then requestToken, submitToken with the token from the
   * mail, and 3pid/bind.
   */
  private void bind(MatrixClient invitee, String userId, String email) throws Exception {
    String token = new IdentityServerClient(IDENTITY_SERVER).register(
        invitee.openIdToken(userId));
    String secret = "secret-" + UUID.randomUUID();
    String sid = identity("validate/email/requestToken", token, Map.of("client_secret", secret,
        "email", email, "send_attempt", 1)).path("sid").asText();
    String mail = mails(email, m -> m.contains("Token:") && m.contains("sid=" + sid), 1).get(0);
    Matcher code = Pattern.compile("Token: (\\S+)").matcher(mail);
    assertThat(code.find()).as(mail).isTrue();
    assertThat(identity("validate/email/submitToken", token, Map.of("sid", sid,
        "client_secret", secret, "token", code.group(1))).path("success").asBoolean()).isTrue();
    JsonNode bound = identity("3pid/bind", token, Map.of("sid", sid, "client_secret", secret,
        "mxid", userId));
    assertThat(bound.path("address").asText()).isEqualTo(email);
    assertThat(bound.path("mxid").asText()).isEqualTo(userId);
  }

  /** {@code POST /_matrix/identity/v2/PATH} with the identity server token: the 2xx body. */
  private static JsonNode identity(String path, String token, Map<String, Object> body)
      throws Exception {
    HttpResponse<String> response = https.send(HttpRequest.newBuilder(
        URI.create(IDENTITY_SERVER + "/_matrix/identity/v2/" + path))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** Waits for {@code count} mails to {@code to} that {@code match}; their texts. */
  private static List<String> mails(String to, Predicate<String> match, int count)
      throws Exception {
    Instant deadline = Instant.now().plus(WAIT);
    while (true) {
      List<String> found;
      try (Stream<Path> files = Files.list(SYDENT.resolve("mail"))) {
        found = files.filter(f -> f.getFileName().toString().endsWith(".eml")).sorted()
            .map(EmailInviteIntegrationTest::read)
            .filter(mail -> mail.startsWith("X-Envelope-To: " + to + "\r\n"))
            .filter(match).toList();
      }
      if (found.size() >= count || Instant.now().isAfter(deadline)) {
        assertThat(found).as("mails to " + to).hasSize(count);
        return found;
      }
      Thread.sleep(100);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The member event of {@code userId}, once the homeserver has it (onbind is asynchronous). */
  private static JsonNode awaitMember(String roomId, String userId) throws Exception {
    Instant deadline = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(deadline)) {
      Optional<Map<String, Object>> content = bot.getState(roomId, "m.room.member", userId);
      if (content.isPresent()) {
        return JSON.valueToTree(content.get());
      }
      Thread.sleep(100);
    }
    throw new AssertionError(userId + " never became a member of " + roomId);
  }

  private static Map<String, String> memberships(String roomId) {
    Map<String, String> out = new java.util.HashMap<>();
    for (RoomEvent event : bot.members(roomId)) {
      out.put(event.stateKey().orElseThrow(), String.valueOf(event.content().get("membership")));
    }
    return out;
  }

  private static String roomOf(String conf, String aliasPart) {
    return bot.resolveAlias("#" + conf + "-" + aliasPart + ":localhost").orElseThrow();
  }

  /** What {@code verify} says of the person with this address, room by room. */
  private static List<PersonStatus> statuses(Path config, String email) throws Exception {
    return entries(verify(config), email).stream().map(VerifyReport.Entry::status).toList();
  }

  /** {@code usher verify} of the whole conference, as the command wires it. */
  private static VerifyReport verify(Path config) throws Exception {
    CommandRun run = Applied.planned(config, Instant.parse("2026-03-01T00:00:00Z")).run();
    return run.bot().verifier().verify(run.desired(), BotSession.seats(run.bot().policy,
        run.inputs().conference(), run.desired()), run.reconciler().observe().rooms(),
        Optional.empty());
  }

  private static List<VerifyReport.Entry> entries(VerifyReport report, String email) {
    return report.entries().stream()
        .filter(entry -> entry.person().email().filter(email::equals).isPresent()).toList();
  }
}

package io.usher.app.runtime;

import io.usher.app.config.PeopleSettings;
import io.usher.app.config.Settings;
import io.usher.apply.EmailInvites;
import io.usher.apply.Homeserver;
import io.usher.apply.MembershipReader;
import io.usher.apply.ObservedStateReader;
import io.usher.apply.PlanExecutor;
import io.usher.apply.Reconciler;
import io.usher.apply.Verifier;
import io.usher.matrix.ApplicationService;
import io.usher.matrix.IdentityServerClient;
import io.usher.matrix.MatrixClient;
import io.usher.matrix.MatrixException;
import io.usher.matrix.PacedRoute;
import io.usher.matrix.RetryPolicy;
import io.usher.matrix.WhoAmI;
import io.usher.plan.Aliases;
import io.usher.plan.DesiredConference;
import io.usher.plan.Policy;
import io.usher.plan.diff.Planner;
import io.usher.plan.people.PeoplePolicy;
import io.usher.plan.people.Seat;
import io.usher.schedule.Conference;
import io.usher.schedule.People;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The bot's session on its homeserver: its client, who it is there, and the policy and planner
 * that depend on them. {@link #open} makes the requests; the constructor makes none.
 */
public final class BotSession {
  public final Settings settings;
  public final MatrixClient client;
  public final WhoAmI me;
  public final Policy policy;
  private final Planner planner;
  /** Shared by every reader and executor of the session, so that reads see its writes. */
  private final Homeserver homeserver;
  /** One per session, so that each read asks only for the changes since the one before. */
  private final ObservedStateReader reader;
  private final Optional<EmailInvites> emailInvites;

  /**
   * The session of {@code client}, the account {@code me}; makes no request.
   *
   * @param people the people file as read once for this run
   */
  BotSession(Settings settings, People people, MatrixClient client, WhoAmI me) {
    this.settings = settings;
    this.client = client;
    this.homeserver = Homeserver.of(client);
    this.reader = new ObservedStateReader(homeserver, Duration.ofSeconds(2),
        ReadingFile.of(System.getenv(), settings.homeserverUrl(), me, settings.conferenceId()));
    this.me = me;
    this.policy = policy(people);
    this.planner = new Planner(me.serverName(), me.userId(), settings.people().demoteUnlisted());
    client.pace(PacedRoute.INVITE, settings.people().invitesPerSecond());
    this.emailInvites = settings.people().identityServer().map(url ->
        new EmailInvites(client, new IdentityServerClient(url), me.userId()));
  }

  /**
   * Opens the bot's session: an application service registers its user first, then the
   * homeserver says who the bot is. Rate limits met on the way are reported to {@code err}.
   *
   * @param people the people file as read once for this run
   * @throws IllegalStateException when the homeserver cannot be used
   */
  public static BotSession open(Settings settings, People people, PrintWriter err) {
    RateLimitReporter reporter = new RateLimitReporter(err, settings.homeserverUrl());
    MatrixClient client = client(settings, reporter);
    WhoAmI me = whoami(client, settings);
    reporter.account(me.userId());
    return new BotSession(settings, people, client, me);
  }

  /** The policy with this people file; the rest from the settings. */
  Policy policy(People people) {
    return policy(settings, people, me.serverName(), me.userId());
  }

  /**
   * The policy of a config with this people file, for the bot {@code botUserId} on
   * {@code serverName}: also without a connection, for an offline plan.
   */
  public static Policy policy(Settings settings, People people, String serverName,
      String botUserId) {
    PeopleSettings given = settings.people();
    return new Policy(settings.conferenceId(), settings.conferenceName(), serverName,
        settings.grouping(), settings.organisers(), settings.moderators(),
        Policy.DEFAULT_MAX_SPACE_CHILDREN, List.of(new PeoplePolicy(people, given.roles(),
        given.identityServer().isPresent()), settings.web().widgets(botUserId)),
        settings.hallwayHistory());
  }

  /**
   * The bot's client. As an application service it acts as its user ({@code ?user_id=}, the
   * spec's identity assertion), registered first, since Synapse serves no {@code /sync} to the
   * registration's own sender.
   */
  private static MatrixClient client(Settings settings, RateLimitReporter reporter) {
    String url = settings.homeserverUrl();
    if (settings.appserviceUser().isPresent()) {
      MatrixClient service = MatrixClient.create(url, settings.accessToken(),
          RetryPolicy.defaults(), reporter);
      String localpart = settings.appserviceUser().get();
      String userId = settings.appserviceUserId(whoami(service, settings).serverName())
          .orElseThrow();
      new ApplicationService(service).registerUser(localpart);
      url = actingAs(url, userId);
    }
    return MatrixClient.create(url, settings.accessToken(), RetryPolicy.defaults(), reporter);
  }

  /**
   * The homeserver URL with an application service's identity assertion for {@code userId}
   * (https://spec.matrix.org/latest/application-service-api/#identity-assertion).
   */
  static String actingAs(String homeserverUrl, String userId) {
    return homeserverUrl + (homeserverUrl.contains("?") ? "&" : "?") + "user_id="
        + URLEncoder.encode(userId, StandardCharsets.UTF_8);
  }

  private static WhoAmI whoami(MatrixClient client, Settings settings) {
    try {
      return client.whoami();
    } catch (MatrixException e) {
      throw new IllegalStateException("cannot use the homeserver at " + settings.homeserverUrl()
          + ": " + e.getMessage(), e);
    }
  }

  /** Who should be in which room with what role, under the policy in force. */
  public static List<Seat> seats(Policy policy, Conference conference, DesiredConference desired) {
    return policy.furnishing(PeoplePolicy.class).map(people -> people.roster(conference,
        desired.tracks(), policy.conferenceId()).seats()).orElse(List.of());
  }

  ObservedStateReader reader() {
    return reader;
  }

  /** The owner of what this session reads and changes; progress lines go to {@code progress}. */
  Reconciler reconciler(Consumer<String> progress) {
    return new Reconciler(reader(), planner, executor(progress), settings.conferenceId());
  }

  private PlanExecutor executor(Consumer<String> progress) {
    return new PlanExecutor(homeserver, me.serverName(), me.userId(),
        settings.parallelism(), progress, emailInvites);
  }

  /**
   * Who is in the rooms they should be in ({@code usher verify}, {@code !usher verify}): the
   * membership this session reads, and the identity server's bindings of e-mailed addresses
   * when one is configured (through the same registration as the e-mail invites).
   */
  public Verifier verifier() {
    return new Verifier(new MembershipReader(client, me.userId()), emailInvites);
  }

  public String spaceAlias() {
    return Aliases.full(Aliases.conferenceSpace(settings.conferenceId()), me.serverName());
  }

  public String requestSummary() {
    var stats = client.stats();
    return stats.total() + " HTTP requests (" + stats.writes() + " writes"
        + (stats.rateLimited() > 0 ? ", " + stats.rateLimited() + " rate-limited" : "") + "): "
        + stats.byEndpoint().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }
}

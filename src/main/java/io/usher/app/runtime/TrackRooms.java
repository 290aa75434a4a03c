package io.usher.app.runtime;

import io.usher.app.config.Settings;
import io.usher.matrix.MatrixClient;
import io.usher.matrix.MatrixException;
import io.usher.matrix.WhoAmI;
import io.usher.plan.DesiredConference;
import io.usher.plan.DesiredState;
import io.usher.plan.PlannedTrack;
import io.usher.plan.RoomKey;
import io.usher.plan.RoomKind;
import io.usher.schedule.Conference;
import io.usher.schedule.People;
import io.usher.web.QuestionsUnavailable;
import io.usher.web.WidgetSchedule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Room ids of track rooms by their alias, found once each; unknown ones asked again later. The
 * alias is the planner's ({@link DesiredState}), with its collision suffix, so it is the alias
 * the room was made with. An application service reads as its bot user (the registration's
 * sender is in no room). Nothing is asked of the homeserver until a widget asks.
 */
final class TrackRooms {
  private static final Duration ASK_AGAIN = Duration.ofSeconds(30);
  private final MatrixClient client;
  private final Function<String, MatrixClient> clients;
  private final Settings settings;
  private final Supplier<WidgetSchedule> schedule;
  private final Clock clock;
  private final Map<String, String> found = new ConcurrentHashMap<>();
  private final Map<String, Instant> missing = new ConcurrentHashMap<>();
  private volatile WhoAmI me;
  private volatile MatrixClient reader;
  private volatile TrackAliases aliases;

  /** The track rooms' aliases for one version of the schedule. */
  private record TrackAliases(Conference conference, Map<String, String> byTrack) {}

  /**
   * @param client the bot's client, as the config has it
   * @param clients a client for a homeserver URL, for the application service's bot user
   * @param schedule the schedule the pages show now
   */
  TrackRooms(MatrixClient client, Function<String, MatrixClient> clients, Settings settings,
      Supplier<WidgetSchedule> schedule, Clock clock) {
    this.client = client;
    this.clients = clients;
    this.settings = settings;
    this.schedule = schedule;
    this.clock = clock;
  }

  String botUserId() {
    return settings.appserviceUserId(me().serverName()).orElseGet(() -> me().userId());
  }

  MatrixClient reader() {
    if (reader == null) {
      reader = settings.appserviceUser().isEmpty() ? client
          : clients.apply(BotSession.actingAs(settings.homeserverUrl(), botUserId()));
    }
    return reader;
  }

  /** The requests made so far by the bot's client and, if another, the reader's, by endpoint. */
  Map<String, Long> requests() {
    Map<String, Long> all = new java.util.TreeMap<>(client.stats().byEndpoint());
    MatrixClient read = reader;
    if (read != null && read != client) {
      read.stats().byEndpoint().forEach((endpoint, n) -> all.merge(endpoint, n, Long::sum));
    }
    return all;
  }

  Optional<String> roomId(String trackId) {
    Optional<String> alias = alias(trackId);
    if (alias.isEmpty()) {
      return Optional.empty();
    }
    String known = found.get(alias.get());
    if (known != null) {
      return Optional.of(known);
    }
    Instant askedAt = missing.get(alias.get());
    if (askedAt != null && clock.instant().isBefore(askedAt.plus(ASK_AGAIN))) {
      return Optional.empty();
    }
    Optional<String> roomId = client.resolveAlias(alias.get());
    roomId.ifPresentOrElse(id -> found.put(alias.get(), id),
        () -> missing.put(alias.get(), clock.instant()));
    return roomId;
  }

  /** The track room's alias in the current schedule; empty for a track it does not have. */
  private Optional<String> alias(String trackId) {
    Conference conference = schedule.get().conference();
    TrackAliases known = aliases;
    if (known == null || known.conference() != conference) {
      known = new TrackAliases(conference, aliases(conference));
      aliases = known;
    }
    return Optional.ofNullable(known.byTrack().get(trackId));
  }

  /** Aliases depend on the rooms only, not on people: the people file is the bot's business. */
  private Map<String, String> aliases(Conference conference) {
    String server = me().serverName();
    DesiredConference desired = DesiredState.of(conference,
        BotSession.policy(settings, People.none(), server, botUserId()), clock.instant());
    Map<String, String> byTrack = new HashMap<>();
    for (PlannedTrack track : desired.tracks()) {
      desired.room(new RoomKey(RoomKind.TRACK, desired.conferenceId(), track.id()))
          .ifPresent(room -> byTrack.put(track.id(), room.alias(server)));
    }
    return byTrack;
  }

  private WhoAmI me() {
    if (me == null) {
      try {
        me = client.whoami();
      } catch (MatrixException e) {
        throw new QuestionsUnavailable("the homeserver at " + settings.homeserverUrl()
            + " did not answer: " + e.getMessage(), e);
      }
    }
    return me;
  }
}

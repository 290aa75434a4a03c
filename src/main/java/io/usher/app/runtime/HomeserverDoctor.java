package io.usher.app.runtime;

import io.usher.app.config.Settings;
import io.usher.apply.Publication;
import io.usher.matrix.GuestAccess;
import io.usher.matrix.MatrixException;
import io.usher.matrix.RoomDirectory;
import io.usher.matrix.RoomVersions;
import io.usher.plan.diff.ObservedRoom;
import io.usher.schedule.People;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * {@code usher doctor}: the homeserver settings Usher depends on, read from the homeserver's own
 * answers, each ok, missing (with what to change) or cannot tell. Nothing is created, sent or
 * changed: the requests are {@code whoami}, one filtered {@code /sync}, {@code GET
 * /directory/list/room/{roomId}} per room Usher lists, {@code GET /capabilities}, the rate
 * limit override's {@code GET}, and {@code POST /register?kind=guest} (see {@link GuestAccess}
 * for why that one is acceptable). The settings, in Synapse's terms
 * (https://element-hq.github.io/synapse/latest/usage/configuration/config_documentation.html):
 *
 * <ul>
 *   <li>room directory ({@code room_list_publication_rules}; Synapse's default allows nothing):
 *       no request reveals the rule (Synapse's {@code PUT /directory/list/room} checks it only
 *       on its way to publishing, and {@code createRoom} drops a refused {@code visibility}
 *       silently), so it is read from the rooms Usher built to be listed; before the first
 *       apply it cannot tell;
 *   <li>guest access ({@code allow_guest_access}, default false), which hallways rely on;
 *   <li>rate limits on the bot's account, as {@link RateLimitCheck} reads them;
 *   <li>the default room version ({@code default_room_version}): backstage and talk rooms
 *       use the {@code restricted} join rule, room version 8 or later.
 * </ul>
 */
public final class HomeserverDoctor {
  private static final String YAML = "in homeserver.yaml:\n";

  private HomeserverDoctor() {}

  /**
   * Connects as the bot of {@code settings} and reads every setting; nothing else happens.
   *
   * @param err where rate limits met on the way are reported
   * @throws IllegalStateException when the homeserver cannot be used at all
   */
  public static DoctorReport examine(Settings settings, PrintWriter err) {
    BotSession session = BotSession.open(settings, People.none(), err);
    List<Finding> findings = List.of(publication(session), guests(session),
        RateLimitCheck.finding(session), roomVersion(session));
    return new DoctorReport(settings.homeserverUrl(), session.me.userId(), findings,
        session.requestSummary());
  }

  static Finding publication(BotSession session) {
    String subject = "room directory";
    String fix = YAML + Publication.SYNAPSE_RULE + "\nthen " + Publication.AFTER_RULE;
    try {
      List<ObservedRoom> listed = session.reader().snapshot(session.settings.conferenceId())
          .rooms().rooms().stream().filter(r -> Publication.listed(r.key().kind())).toList();
      if (listed.isEmpty()) {
        return Finding.unknown(subject, "nothing is built yet, and no request tells whether"
            + " the homeserver lets rooms into its public room list; Synapse's default"
            + " (no room_list_publication_rules) lets none in. Run usher doctor again after the"
            + " first apply", "if homeserver.yaml has no room_list_publication_rules, add:\n"
            + Publication.SYNAPSE_RULE);
      }
      RoomDirectory directory = new RoomDirectory(session.client);
      List<ObservedRoom> unlisted = listed.stream()
          .filter(r -> !directory.isPublished(r.roomId()).orElse(false)).toList();
      if (unlisted.isEmpty()) {
        return Finding.ok(subject, "the " + listed.size() + " rooms Usher lists (conference"
            + " space, track rooms) are in the public room list");
      }
      ObservedRoom first = unlisted.get(0);
      return Finding.missing(subject, unlisted.size() + " of the " + listed.size() + " rooms"
          + " Usher lists are not in the public room list (" + first.key() + ", "
          + first.roomId() + (unlisted.size() > 1 ? ", ..." : "") + "): the homeserver's"
          + " room_list_publication_rules refused them", fix);
    } catch (MatrixException e) {
      return Finding.unknown(subject, "cannot read the rooms (" + e.getMessage() + ")", "");
    }
  }

  static Finding guests(BotSession session) {
    String subject = "guest access";
    try {
      if (new GuestAccess(session.client).allowed()) {
        return Finding.ok(subject, "guests may register, so visitors without an account can"
            + " join hallways (this check made one guest account, as each visitor's client"
            + " does)");
      }
      return Finding.missing(subject, "guests are refused (403), so hallways let in only"
          + " visitors with an account", YAML + "allow_guest_access: true\nthen restart"
          + " Synapse");
    } catch (MatrixException e) {
      return Finding.unknown(subject, "the guest registration failed (" + e.getMessage() + ")",
          "");
    }
  }

  static Finding roomVersion(BotSession session) {
    String subject = "room version";
    try {
      String version = session.client.defaultRoomVersion();
      Optional<Boolean> restricted = RoomVersions.supportsRestrictedJoins(version);
      String seen = "new rooms get version " + version;
      if (restricted.isEmpty()) {
        return Finding.unknown(subject, seen + ", an unstable one: whether it has the restricted"
            + " join rule (backstage and talk rooms) cannot be told from its name", "");
      }
      return restricted.get()
          ? Finding.ok(subject, seen + ", which has the restricted join rule backstage and"
              + " talk rooms use")
          : Finding.missing(subject, seen + ", which lacks the restricted join rule backstage"
              + " and talk rooms use (version 8 or later)", YAML
              + "default_room_version: \"12\"\nthen restart Synapse");
    } catch (MatrixException e) {
      return Finding.unknown(subject, "cannot read the capabilities (" + e.getMessage() + ")",
          "");
    }
  }
}

package io.usher.lifecycle;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a talk's phases fall and what they announce: the organiser's choices for the lifecycle.
 *
 * @param reminderBefore how long before the start the speakers' reminder is posted
 * @param upNextBefore how long before the start "up next" is posted
 * @param qaBeforeEnd how long before the end Q&A starts; empty when talks have no Q&A part
 * @param endWarningBefore how long before the end the talk room is warned
 * @param grace an announcement missed by more than this (the bot was down) is skipped, not sent
 * @param texts the announcement templates of each phase; see {@link Template#PLACEHOLDERS}
 */
public record LifecyclePolicy(Duration reminderBefore, Duration upNextBefore,
    Optional<Duration> qaBeforeEnd, Duration endWarningBefore, Duration grace,
    Map<Phase, Template> texts) {

  public LifecyclePolicy {
    Objects.requireNonNull(reminderBefore, "reminderBefore");
    Objects.requireNonNull(upNextBefore, "upNextBefore");
    Objects.requireNonNull(qaBeforeEnd, "qaBeforeEnd");
    Objects.requireNonNull(endWarningBefore, "endWarningBefore");
    Objects.requireNonNull(grace, "grace");
    Map<Phase, Template> all = new EnumMap<>(DEFAULT_TEXTS);
    all.putAll(texts);
    texts = Map.copyOf(all);
  }

  /** FOSDEM-like defaults: reminder at T-60 min, up next at T-5, end warning at end-5, no Q&A. */
  public static LifecyclePolicy defaults() {
    return new LifecyclePolicy(Duration.ofMinutes(60), Duration.ofMinutes(5), Optional.empty(),
        Duration.ofMinutes(5), Duration.ofMinutes(10), Map.of());
  }

  /** The default announcement of every phase. */
  public static final Map<Phase, Template> DEFAULT_TEXTS = Map.of(
      Phase.REMINDER, new Template("",
          "Reminder: your talk “{title}” starts at {start} ({minutes} minutes from now) in"
              + " {room}. Speakers: {speakers}. The audience follows in {track_room}."
              + " {hallway}"),
      Phase.UP_NEXT, new Template("Up next at {start}: “{title}” by {speakers}.", ""),
      Phase.START, new Template(
          // Not the talk room: it is private until the end, when it opens as the hallway.
          "Now live: “{title}” by {speakers}, until {end}: ask your questions here. Its"
              + " hallway, to meet the speakers, opens to everyone when it ends.",
          "You are live: “{title}” runs until {end}. Questions come in {track_room}."),
      Phase.QA, new Template("Q&A for “{title}” has started: ask your questions here.",
          "Q&A has started: the questions are in {track_room}."),
      Phase.END_WARNING, new Template("",
          "{minutes} minutes left for “{title}”: the slot ends at {end}."),
      Phase.END, new Template(
          "“{title}” has ended. Continue with the speakers in its hallway: {talk_room}.",
          "The talk has ended: this room is now a public hallway, linked from {track_room}."));

  /**
   * A phase's announcement texts, plain text with {@code {placeholder}}s; an empty text posts
   * nothing in that room.
   *
   * @param track posted in the track room
   * @param talk posted in the talk room
   */
  public record Template(String track, String talk) {
    /**
     * The placeholders a text may use; values are HTML-escaped in the formatted body. {@code
     * start} and {@code end} are times of day in the conference's zone, named ("14:30 CET");
     * {@code minutes} is a count, and the word "minutes" right after it becomes "minute" for 1;
     * {@code hallway} says who will read the talk room's earlier messages once it is the hallway.
     */
    public static final Set<String> PLACEHOLDERS = Set.of("title", "speakers", "start", "end",
        "room", "track", "minutes", "track_room", "talk_room", "conference", "hallway");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    public Template {
      track = Objects.requireNonNullElse(track, "");
      talk = Objects.requireNonNullElse(talk, "");
    }

    /** The placeholders of {@code text} that are not in {@link #PLACEHOLDERS}. */
    public static List<String> unknownPlaceholders(String text) {
      Matcher m = PLACEHOLDER.matcher(text == null ? "" : text);
      return m.results().map(r -> r.group(1)).filter(p -> !PLACEHOLDERS.contains(p)).toList();
    }
  }
}

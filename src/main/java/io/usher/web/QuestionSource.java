package io.usher.web;

import java.time.Instant;
import java.util.List;

/**
 * Where the questions scoreboard gets its messages: implemented outside this package (it reads
 * the homeserver, which {@code web} never imports) and wired in {@code Main}.
 */
public interface QuestionSource {
  /**
   * The messages sent in a track's room from {@code from} (inclusive) to {@code to}
   * (exclusive), most thumbs-up first, then oldest first; fresh to within a few seconds.
   *
   * @throws QuestionsUnavailable when the homeserver cannot be read now
   */
  List<Question> questions(String trackId, Instant from, Instant to);

  /** A source for a web server without a homeserver: always unavailable. */
  static QuestionSource none() {
    return (trackId, from, to) -> {
      throw new QuestionsUnavailable("no homeserver is configured for questions");
    };
  }
}

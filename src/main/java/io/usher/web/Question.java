package io.usher.web;

import java.time.Instant;

/**
 * A chat message shown on the questions scoreboard.
 *
 * @param id the Matrix event id
 * @param sender the sender's display name, or their user id when they have none
 * @param body the message as plain text (never rendered as HTML)
 * @param thumbsUp how many people reacted with a thumbs-up
 * @param sentAt when it was sent, a UTC instant
 */
public record Question(String id, String sender, String body, int thumbsUp, Instant sentAt) {}

package io.usher.matrix;

import java.util.Arrays;

/**
 * The Matrix error codes Usher reacts to, from the client-server API's standard error response
 * (https://spec.matrix.org/latest/client-server-api/#common-error-codes and the endpoints'
 * own), plus Usher's local ones for failures that never reached a homeserver's answer
 * ({@code USHER_...}). Test with {@link MatrixException#is(ErrorCode)}, never with the error's
 * English text, which Synapse may change.
 */
public enum ErrorCode {
  /** The request is not allowed (power level, not in the room, not invited...). */
  M_FORBIDDEN,
  /** No such resource: a state event, an alias, a user. */
  M_NOT_FOUND,
  /** Too many requests; the answer's {@code retry_after_ms} says how long to wait. */
  M_LIMIT_EXCEEDED,
  /** {@code POST /createRoom}: the room alias is taken. */
  M_ROOM_IN_USE,
  /** {@code POST /register}: the user id is taken. */
  M_USER_IN_USE,
  /** The access token is unknown or expired. */
  M_UNKNOWN_TOKEN,
  /** No access token was sent. */
  M_MISSING_TOKEN,
  /** The request was not valid JSON, or the answer was not (locally: an unreadable body). */
  M_NOT_JSON,
  /** The request's JSON was malformed for the endpoint. */
  M_BAD_JSON,
  /** A parameter had a wrong value. */
  M_INVALID_PARAM,
  /** An application service's exclusive namespace holds the user id or alias. */
  M_EXCLUSIVE,
  /** The homeserver could not say more. */
  M_UNKNOWN,
  /** Local: no HTTP answer arrived (connection refused, timeout). */
  USHER_NO_RESPONSE,
  /** Local: the thread was interrupted while waiting out a rate limit. */
  USHER_INTERRUPTED,
  /** Local: an e-mail invite was asked for but no identity server is configured. */
  USHER_NO_IS,
  /** Any errcode not listed here; {@link MatrixException#errcode()} has the text. */
  UNRECOGNISED;

  /** The constant for an errcode text; {@link #UNRECOGNISED} for any other (or null). */
  public static ErrorCode of(String errcode) {
    return Arrays.stream(values()).filter(c -> c != UNRECOGNISED && c.name().equals(errcode))
        .findFirst().orElse(UNRECOGNISED);
  }
}

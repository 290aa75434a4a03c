package io.usher.matrix;

/**
 * A Matrix request failed: the homeserver answered with an error, or no usable answer came.
 *
 * <p>Errors follow the client-server API's standard error response
 * (https://spec.matrix.org/latest/client-server-api/#standard-error-response). The message names
 * the endpoint (method and path template, never the access token), the status and the errcode.
 * Callers decide with {@link #is(ErrorCode)} and the other predicates, never with the English
 * {@link #error()} text.
 */
public final class MatrixException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Status used when no HTTP response arrived (connection refused, timeout). */
  public static final int NO_RESPONSE = 0;

  private final int status;
  private final String errcode;
  private final String error;

  /**
   * @param endpoint what was asked, e.g. {@code POST /_matrix/client/v3/createRoom}
   * @param status the HTTP status, or {@link #NO_RESPONSE}
   * @param errcode the Matrix errcode ({@code M_FORBIDDEN}, ...), or a local one ({@code
   *     M_NOT_JSON} for an unreadable body, {@code USHER_NO_RESPONSE} for no response)
   * @param error the human-readable error text
   */
  public MatrixException(String endpoint, int status, String errcode, String error,
      Throwable cause) {
    super(endpoint + " failed: " + (status == NO_RESPONSE ? "no response" : "HTTP " + status)
        + " " + errcode + (error == null || error.isEmpty() ? "" : ": " + error), cause);
    this.status = status;
    this.errcode = errcode;
    this.error = error;
  }

  /** The same with a known error code. */
  public MatrixException(String endpoint, int status, ErrorCode code, String error,
      Throwable cause) {
    this(endpoint, status, code.name(), error, cause);
  }

  /** The HTTP status (404, 429, ...), or {@link #NO_RESPONSE}. */
  public int status() {
    return status;
  }

  /** The errcode as the homeserver sent it (or the local one). */
  public String errcode() {
    return errcode;
  }

  /** The errcode as a constant; {@link ErrorCode#UNRECOGNISED} for one not listed. */
  public ErrorCode code() {
    return ErrorCode.of(errcode);
  }

  /** Whether the errcode is {@code code}. */
  public boolean is(ErrorCode code) {
    return code() == code;
  }

  /** Whether the resource does not exist: {@code M_NOT_FOUND}, or a 404 without that code. */
  public boolean isNotFound() {
    return is(ErrorCode.M_NOT_FOUND) || status == 404;
  }

  /** Whether the request was refused: {@code M_FORBIDDEN}, or a 403 without that code. */
  public boolean isForbidden() {
    return is(ErrorCode.M_FORBIDDEN) || status == 403;
  }

  /** Whether no HTTP answer arrived at all. */
  public boolean isNoResponse() {
    return status == NO_RESPONSE;
  }

  /** The homeserver's human-readable text: for people to read, not for decisions. */
  public String error() {
    return error;
  }
}

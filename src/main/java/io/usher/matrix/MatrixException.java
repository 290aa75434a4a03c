package io.usher.matrix;

/**
 * A Matrix request failed: the homeserver answered with an error, or no usable answer came.
 *
 * <p>Errors follow the client-server API's standard error response
 * (https://spec.matrix.org/latest/client-server-api/#standard-error-response). The message names
 * the endpoint (method and path template, never the access token), the status and the errcode.
 */
public final class MatrixException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Status used when no HTTP response arrived (connection refused, timeout). */
  public static final int NO_RESPONSE = 0;

  private final int status;
  private final String errcode;
  private final String error;

  /**
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

  public int status() {
    return status;
  }

  public String errcode() {
    return errcode;
  }

  public String error() {
    return error;
  }
}

package io.usher.commands;

/** The configured management room could be anyone's; the message says why and what to do. */
public final class UntrustedRoomException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UntrustedRoomException(String message) {
    super(message);
  }
}

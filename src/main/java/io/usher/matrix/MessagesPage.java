package io.usher.matrix;

import java.util.List;
import java.util.Optional;

/**
 * One page of {@code GET /rooms/{roomId}/messages}
 * (https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3roomsroomidmessages).
 *
 * @param chunk the events in the order of the request's direction (newest first for {@code b})
 * @param start the token the page starts at
 * @param end the token to continue from; empty when there are no more events that way
 * @param state member events of the chunk's senders, when the filter asks for lazy loading
 */
public record MessagesPage(List<RoomEvent> chunk, String start, Optional<String> end,
    List<RoomEvent> state) {

  public MessagesPage {
    chunk = List.copyOf(chunk);
    state = List.copyOf(state);
  }
}

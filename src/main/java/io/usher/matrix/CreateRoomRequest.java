package io.usher.matrix;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /createRoom}
 * (https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3createroom). Null fields
 * are left out, so the homeserver's defaults apply.
 *
 * @param preset {@code private_chat}, {@code public_chat} or {@code trusted_private_chat}
 * @param visibility {@code public} publishes the room in the room directory
 * @param roomAliasName the localpart of the alias to create ({@code #localpart:server})
 * @param creationContent extra {@code m.room.create} content, e.g. {@code {"type": "m.space"}}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateRoomRequest(
    String preset,
    String visibility,
    @JsonProperty("room_alias_name") String roomAliasName,
    String name,
    String topic,
    List<String> invite,
    @JsonProperty("power_level_content_override") Map<String, Object> powerLevelContentOverride,
    @JsonProperty("initial_state") List<StateEvent> initialState,
    @JsonProperty("creation_content") Map<String, Object> creationContent,
    @JsonProperty("room_version") String roomVersion) {

  /** The same request without an alias, for when the alias is taken by a room not ours. */
  public CreateRoomRequest withoutAlias() {
    return new CreateRoomRequest(preset, visibility, null, name, topic, invite,
        powerLevelContentOverride, initialState, creationContent, roomVersion);
  }
}

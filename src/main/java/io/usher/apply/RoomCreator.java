package io.usher.apply;

import io.usher.matrix.CreateRoomRequest;
import io.usher.matrix.ErrorCode;
import io.usher.matrix.MatrixException;
import io.usher.matrix.RoomVersions;
import io.usher.matrix.StateEvent;
import io.usher.plan.DesiredRoom;
import io.usher.plan.DesiredStateEvent;
import io.usher.plan.Invitee;
import io.usher.plan.RoomKey;
import io.usher.plan.RoomRefs;
import io.usher.plan.StateTypes;
import io.usher.plan.diff.Action.CreateRoom;
import io.usher.plan.people.PeopleRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Creates one room with a single {@code POST /createRoom} carrying its whole initial state
 * (https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3createroom).
 *
 * <p>When the alias is taken ({@code M_ROOM_IN_USE}) by a room with the same locator, that room
 * is ours from an earlier run whose answer was lost, and it is adopted; by an empty room the
 * bot made, it is taken back ({@link AliasClaim}); by any other room, the room is created
 * without the alias and a warning says so (the next apply tries again).
 */
final class RoomCreator {
  private final Homeserver client;
  private final String serverName;
  private final String botUserId;
  private final boolean creatorInUsers;
  private final AliasClaim aliases;

  /**
   * @param creatorInUsers true for room versions before 12, where the creator's power comes from
   *     the power levels' {@code users}; false where the creator's power is implicit (MSC4289)
   */
  RoomCreator(Homeserver client, String serverName, String botUserId, boolean creatorInUsers) {
    this.client = client;
    this.serverName = serverName;
    this.botUserId = botUserId;
    this.creatorInUsers = creatorInUsers;
    this.aliases = new AliasClaim(client, botUserId);
  }

  /**
   * Creates the room and returns its id.
   *
   * @param links its space child/parent events, state keys resolved to room ids
   * @throws MatrixException when the homeserver refuses the request
   */
  String create(CreateRoom create, List<StateEvent> links,
      Function<RoomKey, Optional<String>> ids, Consumer<String> warnings) {
    DesiredRoom room = create.desired();
    CreateRoomRequest request = request(create, links, ids);
    try {
      return client.createRoom(request);
    } catch (MatrixException e) {
      if (!e.is(ErrorCode.M_ROOM_IN_USE)) {
        throw e;
      }
      return aliasTaken(room, request, warnings);
    }
  }

  private String aliasTaken(DesiredRoom room, CreateRoomRequest request,
      Consumer<String> warnings) {
    String alias = room.alias(serverName);
    Optional<String> holder = client.resolveAlias(alias);
    if (holder.isPresent() && aliases.locatorOf(holder.get()).filter(room.key()::equals)
        .isPresent()) {
      warnings.accept(room.key() + ": adopted " + holder.get() + " which already had " + alias);
      return holder.get();
    }
    if (holder.isPresent() && aliases.takeBack(alias, holder.get(), warnings, room.key())) {
      return client.createRoom(request);
    }
    warnings.accept(room.key() + ": alias " + alias + " belongs to another room;"
        + " created without an alias");
    return client.createRoom(request.withoutAlias());
  }

  /**
   * The createRoom request of a planned room.
   *
   * @param ids the room ids of rooms its state names (the staff space of a restricted join rule)
   * @throws IllegalStateException when such a room has no id (its creation failed)
   */
  CreateRoomRequest request(CreateRoom create, List<StateEvent> links,
      Function<RoomKey, Optional<String>> ids) {
    DesiredRoom room = create.desired();
    List<StateEvent> initial = new ArrayList<>();
    for (DesiredStateEvent event : room.state()) {
      // Name and topic travel in createRoom's own fields.
      if (!event.type().equals(StateTypes.NAME) && !event.type().equals(StateTypes.TOPIC)) {
        initial.add(new StateEvent(event.type(), event.stateKey(),
            RoomRefs.resolveAll(event.content(), ids)));
      }
    }
    initial.addAll(links);
    initial.add(new StateEvent(PeopleRecord.TYPE, "", create.peopleRecord()));
    List<String> invite = room.localInvitees(serverName).stream().map(Invitee::address)
        .filter(id -> !id.equals(botUserId)).toList();
    Map<String, Object> powerLevels = new TreeMap<>(room.powerLevels().content());
    if (creatorInUsers) {
      Map<String, Object> users = new TreeMap<>(room.powerLevels().users());
      users.put(botUserId, 100);
      powerLevels.put("users", users);
    }
    return new CreateRoomRequest(room.access().preset(),
        Publication.listed(room.key().kind()) ? "public" : "private",
        room.aliasLocalpart(), room.name(), room.topic(), invite.isEmpty() ? null : invite,
        powerLevels, initial,
        room.isSpace() ? Map.of("type", "m.space") : null, null);
  }

  /**
   * Whether the homeserver listed a room created with {@code visibility: public}: Synapse drops
   * it silently when its {@code room_list_publication_rules} do not allow it. Warns with the
   * setting to change; one request.
   */
  void checkPublished(RoomKey key, String roomId, Consumer<String> warnings) {
    if (client.isPublished(roomId).orElse(true)) {
      return;
    }
    warnings.accept(key + " (" + roomId + ") and the other track rooms are not in the public"
        + " room list: the homeserver dropped visibility public. " + Publication.remedy());
  }

  /**
   * Whether rooms of this version give their creator power through {@code users}: true before
   * version 12 (MSC4289 made the creator's power implicit).
   */
  static boolean creatorInUsers(String roomVersion) {
    return !RoomVersions.creatorsHaveImplicitPower(roomVersion);
  }
}

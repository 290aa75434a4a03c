package io.usher.plan;

/**
 * A space's child room.
 *
 * @param order the string clients sort children by (at most 50 ASCII characters)
 * @param suggested whether clients should suggest it to the space's members (a hallway is)
 */
public record SpaceChild(RoomKey key, String order, boolean suggested) {

  public SpaceChild(RoomKey key, String order) {
    this(key, order, false);
  }
}

package io.usher.plan;

/** A space's child room, with the {@code order} string clients sort children by (≤ 50 ASCII). */
public record SpaceChild(RoomKey key, String order) {}

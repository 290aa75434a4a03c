package io.usher.plan;

/** A state event's address in a room: its type and state_key. */
public record StateSlot(String type, String stateKey) {}

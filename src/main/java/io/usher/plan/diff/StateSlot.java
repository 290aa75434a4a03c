package io.usher.plan.diff;

/** A state event's address in a room: its type and state_key. */
public record StateSlot(String type, String stateKey) {}

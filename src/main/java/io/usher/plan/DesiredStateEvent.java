package io.usher.plan;

import java.util.Map;

/** A state event the planner wants in a room: type, state_key and (managed) content. */
public record DesiredStateEvent(String type, String stateKey, Map<String, Object> content) {}

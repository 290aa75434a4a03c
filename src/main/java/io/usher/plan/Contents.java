package io.usher.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Comparing event contents as JSON values, whatever Java number types carried them. */
public final class Contents {
  private Contents() {}

  /** Whether every key of {@code desired} has an equal value in {@code observed}. */
  public static boolean covers(Map<String, Object> observed, Map<String, Object> desired) {
    return desired.entrySet().stream()
        .allMatch(e -> Objects.equals(normal(observed.get(e.getKey())), normal(e.getValue())));
  }

  public static Object normal(Object value) {
    if (value instanceof Number number) {
      double d = number.doubleValue();
      return d == Math.rint(d) ? (Object) number.longValue() : (Object) d;
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(k, normal(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(normal(v)));
      return out;
    }
    return value;
  }

  /** A short form of a value for plan output. */
  public static String brief(Object value) {
    String text = String.valueOf(value);
    return text.length() > 80 ? text.substring(0, 77) + "..." : text;
  }
}

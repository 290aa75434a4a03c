package io.usher.schedule.frab;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.usher.schedule.ScheduleProblem;
import io.usher.schedule.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A value of a {@link JsonDocument} and its place: the JSON pointer that finds its line, and
 * the path an organiser reads ({@code schedule.conference.days[0].rooms["Saal 1"][2]}).
 *
 * @param node the value; a {@code MissingNode} for a field that is not there
 */
record JsonAt(JsonDocument document, JsonPointer pointer, String path, JsonNode node) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** The field {@code name} of this object (missing when this is no object or lacks it). */
  JsonAt field(String name) {
    String step = NAME.matcher(name).matches() ? (path.isEmpty() ? name : "." + name)
        : "[\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    return new JsonAt(document, pointer.appendProperty(name), path + step, node.path(name));
  }

  /** The elements of this array, in order; none when this is no array. */
  List<JsonAt> elements() {
    List<JsonAt> elements = new ArrayList<>();
    for (int i = 0; node.isArray() && i < node.size(); i++) {
      elements.add(new JsonAt(document, pointer.appendIndex(i), path + "[" + i + "]",
          node.get(i)));
    }
    return elements;
  }

  /** The fields of this object by name, in document order; none when this is no object. */
  Map<String, JsonAt> fields() {
    Map<String, JsonAt> fields = new LinkedHashMap<>();
    if (node.isObject()) {
      node.fieldNames().forEachRemaining(name -> fields.put(name, field(name)));
    }
    return fields;
  }

  /** Not there, or {@code null}: an optional part left out. */
  boolean isAbsent() {
    return node.isMissingNode() || node.isNull();
  }

  /** The file and line where this value starts. */
  SourceLocation where() {
    return document.where(pointer);
  }

  /** {@code path: expected <what>, got <kind>}, at this value's line. */
  ScheduleProblem expected(String what) {
    return problem("expected " + what + ", got " + kind());
  }

  /** {@code path: message}, at this value's line. */
  ScheduleProblem problem(String message) {
    return new ScheduleProblem(where(), path + ": " + message);
  }

  /** What this value is, for messages: {@code a string}, {@code an array}, {@code nothing}. */
  String kind() {
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT, POJO -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case BINARY -> "binary data";
      case NULL -> "null";
      case MISSING -> "nothing";
    };
  }
}

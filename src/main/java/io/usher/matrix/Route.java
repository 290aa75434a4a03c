package io.usher.matrix;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One client-server API endpoint as data: method, path template with {@code {name}} parameters,
 * and a short name used for request counting and pacing. A request's path comes from
 * {@link #compile}, which binds each parameter by name and refuses a missing, extra or unknown
 * one, so a wrong call fails where it is made with the template in its message.
 */
record Route(String method, String template, String name, List<String> parameters) {
  private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z]+)}");

  Route(String method, String template, String name) {
    this(method, template, name, parametersOf(template));
  }

  Route {
    parameters = List.copyOf(parameters);
  }

  private static List<String> parametersOf(String template) {
    List<String> names = new ArrayList<>();
    Matcher m = PARAMETER.matcher(template);
    while (m.find()) {
      names.add(m.group(1));
    }
    if (template.replaceAll(PARAMETER.pattern(), "").matches(".*[{}].*")) {
      throw new IllegalArgumentException("unbalanced braces in route template " + template);
    }
    return names;
  }

  boolean isWrite() {
    return !"GET".equals(method);
  }

  /**
   * The path with each parameter bound by name, percent-encoded as one path segment.
   *
   * @param namesAndValues {@code "roomId", id, "type", type, ...}: each template parameter once,
   *     in any order
   * @throws IllegalArgumentException when a parameter is missing, unknown, given twice or null
   */
  Compiled compile(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException(this + ": parameters come as name, value pairs");
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      String name = namesAndValues[i];
      String value = namesAndValues[i + 1];
      if (!parameters.contains(name) || value == null || values.put(name, value) != null) {
        throw new IllegalArgumentException(this + ": parameter " + name
            + (parameters.contains(name) ? " is null or given twice" : " is not in the template"));
      }
    }
    if (values.size() != parameters.size()) {
      List<String> missing = new ArrayList<>(parameters);
      missing.removeAll(values.keySet());
      throw new IllegalArgumentException(this + ": missing parameters " + missing);
    }
    Matcher m = PARAMETER.matcher(template);
    StringBuilder path = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(path, Matcher.quoteReplacement(segment(values.get(m.group(1)))));
    }
    m.appendTail(path);
    return new Compiled(this, path.toString());
  }

  private static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public String toString() {
    return method + " " + template;
  }

  /** A route with its parameters bound: the path to request, encoded. */
  record Compiled(Route route, String path) {}
}

package io.usher.matrix;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * One client-server API endpoint as data: method, path template with {@code {name}} parameters,
 * and a short name used for request counting.
 */
record Route(String method, String template, String name) {

  boolean isWrite() {
    return !"GET".equals(method);
  }

  /** Fills the template's parameters in order, percent-encoding each as one path segment. */
  String path(String... params) {
    StringBuilder out = new StringBuilder();
    int next = 0;
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c == '{') {
        int close = template.indexOf('}', i);
        out.append(URLEncoder.encode(params[next++], StandardCharsets.UTF_8).replace("+", "%20"));
        i = close + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    if (next != params.length) {
      throw new IllegalArgumentException(template + " takes " + next + " parameters");
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return method + " " + template;
  }
}

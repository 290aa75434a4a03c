package io.usher.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Front-end libraries from webjars on the classpath, served under a path without their
 * version so the pages need no edit when the pom upgrades them.
 */
final class Vendor {
  private static final String HLS_POM = "/META-INF/maven/org.webjars.npm/hls.js/pom.properties";
  private final byte[] hlsJs;

  Vendor() {
    String version = version(HLS_POM);
    this.hlsJs = read("/META-INF/resources/webjars/hls.js/" + version + "/dist/hls.min.js");
  }

  void hlsJs(Context ctx) {
    ctx.contentType("text/javascript; charset=utf-8")
        .header("Cache-Control", "public, max-age=86400").result(hlsJs);
  }

  private static String version(String pomProperties) {
    Properties properties = new Properties();
    try (InputStream in = Vendor.class.getResourceAsStream(pomProperties)) {
      if (in == null) {
        throw new IllegalStateException("missing from the classpath: " + pomProperties);
      }
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] read(String resource) {
    try (InputStream in = Vendor.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing from the classpath: " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.usher.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.app.config.Settings;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/nginx/usher-widgets.conf in front of a real {@code usher web}, on Debian's nginx with a
 * certificate made for the test: the widgets come over HTTPS with Usher's
 * Content-Security-Policy (any client may frame them), HSTS and no X-Frame-Options, and the
 * metrics are not public.
 */
class WidgetsBehindHttpsTest {
  private static final Path SITE = Path.of("deploy", "nginx", "usher-widgets.conf");
  private static final Path NGINX = Files.exists(Path.of("/usr/sbin/nginx"))
      ? Path.of("/usr/sbin/nginx") : Path.of("nginx");

  @TempDir Path dir;

  @Test
  void theWidgetsComeOverHttpsReadyToBeFramed() throws Exception {
    Settings settings = WidgetIntegrationTest.webOnly(dir, "https");
    try (WebProcess web = new WebProcess(settings, Clock.systemUTC(), "127.0.0.1", 0).start()) {
      int port = freePort();
      Process nginx = startNginx(web.port(), port);
      try {
        HttpClient https = HttpClient.newBuilder().sslContext(trusting(dir.resolve("cert.pem")))
            .connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> page = get(https, port, "/widgets/schedule.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
            csp -> assertThat(csp).contains("frame-ancestors *"));
        assertThat(page.headers().firstValue("Strict-Transport-Security")).isPresent();
        assertThat(page.headers().firstValue("X-Frame-Options")).isEmpty();
        assertThat(get(https, port, "/health").body()).contains("\"status\":\"ok\"");
        assertThat(get(https, port, "/metrics").statusCode()).isEqualTo(404);
      } finally {
        nginx.destroy();
        nginx.waitFor();
      }
    }
  }

  private static HttpResponse<String> get(HttpClient https, int port, String path)
      throws Exception {
    return https.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + path))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The site as shipped, with the test's port, certificate and upstream: nothing else. */
  private Process startNginx(int upstream, int port) throws Exception {
    run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
        "/CN=localhost", "-addext", "subjectAltName=DNS:localhost",
        "-keyout", dir.resolve("key.pem").toString(), "-out", dir.resolve("cert.pem").toString());
    String site = Files.readString(SITE)
        .replace("server 127.0.0.1:8080;", "server 127.0.0.1:" + upstream + ";")
        .replace("listen 443 ssl http2;", "listen 127.0.0.1:" + port + " ssl;")
        .replace("listen [::]:443 ssl http2;\n", "")
        .replace("/etc/letsencrypt/live/usher.example.org/fullchain.pem",
            dir.resolve("cert.pem").toString())
        .replace("/etc/letsencrypt/live/usher.example.org/privkey.pem",
            dir.resolve("key.pem").toString());
    // The plain-http redirect server is left out: it listens on port 80 of every address.
    site = site.substring(0, site.lastIndexOf("server {"));
    Files.createDirectories(dir.resolve("tmp"));
    Files.writeString(dir.resolve("site.conf"), site);
    Files.writeString(dir.resolve("nginx.conf"), """
        daemon off;
        worker_processes 1;
        error_log %1$s/error.log warn;
        pid %1$s/nginx.pid;
        events { worker_connections 64; }
        http {
          access_log off;
          client_body_temp_path %1$s/tmp/body;
          proxy_temp_path %1$s/tmp/proxy;
          fastcgi_temp_path %1$s/tmp/fastcgi;
          uwsgi_temp_path %1$s/tmp/uwsgi;
          scgi_temp_path %1$s/tmp/scgi;
          include %1$s/site.conf;
        }
        """.formatted(dir));
    run(NGINX.toString(), "-t", "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString());
    Process nginx = new ProcessBuilder(NGINX.toString(), "-p", dir.toString(), "-c",
        dir.resolve("nginx.conf").toString()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("nginx.out").toFile()).start();
    for (int i = 0; i < 50 && !answers(port); i++) {
      Thread.sleep(100);
    }
    return nginx;
  }

  private static boolean answers(int port) {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private void run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String said = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor()).as(String.join(" ", command) + "\n" + said).isZero();
  }

  private static SSLContext trusting(Path certificate) throws Exception {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    try (InputStream in = Files.newInputStream(certificate)) {
      store.setCertificateEntry("test", CertificateFactory.getInstance("X.509")
          .generateCertificate(in));
    }
    TrustManagerFactory trust = TrustManagerFactory.getInstance(
        TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}

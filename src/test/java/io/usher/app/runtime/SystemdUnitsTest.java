package io.usher.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The systemd units in deploy/systemd pass {@code systemd-analyze verify} (Debian's systemd)
 * without a warning, and keep the hardening and restart policy the README promises.
 */
class SystemdUnitsTest {
  private static final Path UNITS = Path.of("deploy", "systemd");

  @Test
  void everyUnitVerifiesCleanAndIsHardened() throws Exception {
    List<Path> units;
    try (Stream<Path> files = Files.list(UNITS)) {
      units = files.filter(f -> f.toString().endsWith(".service")).sorted().toList();
    }
    assertThat(units).extracting(f -> f.getFileName().toString())
        .containsExactly("usher-run.service", "usher-web.service");
    for (Path unit : units) {
      Process verify = new ProcessBuilder("systemd-analyze", "verify", unit.toString())
          .redirectErrorStream(true).start();
      String said = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(verify.waitFor()).as(unit + ": " + said).isZero();
      assertThat(said).as(unit + ": systemd-analyze verify").isBlank();
      assertThat(Files.readString(unit)).contains("DynamicUser=yes", "ProtectSystem=strict",
          "NoNewPrivileges=yes", "Restart=on-failure", "RestartPreventExitStatus=2")
          .doesNotContain("MemoryDenyWriteExecute=yes");
    }
  }
}

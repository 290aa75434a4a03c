package io.usher.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.usher.LocalSynapse;
import io.usher.SharedSchedules;
import io.usher.app.config.TestConfigs;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The people file is read once per run (issue 14, bug 3): a file being edited while a run reads
 * it must not give the check one version and the plan another. The file here is a FIFO whose
 * writer serves one version to the first reader and another to any second one.
 */
class PeopleFileReadOnceTest {
  private static final String HEADER = "person,name,matrix_id,email,role,track,talk\n";

  @TempDir Path dir;

  @Test
  void planUsesTheVersionItCheckedAndReadsTheFileOnce() throws Exception {
    Path fifo = dir.resolve("people.csv");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    assertThat(mkfifo.waitFor()).isZero();
    List<String> versions = List.of(
        HEADER + ",Cora,@cora:remote.example,,coordinator,Real Time Communications,\n",
        HEADER + ",Dana,@dana:remote.example,,coordinator,Real Time Communications,\n");
    Thread writer = new Thread(() -> {
      for (String version : versions) {
        try (FileOutputStream out = new FileOutputStream(fifo.toFile())) {
          out.write(version.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
          return;
        }
        // The reader sees the end of the file once we close; only a later open is a new read.
        try {
          Thread.sleep(1_000);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "people-file-editor");
    writer.setDaemon(true);
    writer.start();
    Path config = TestConfigs.write(dir, LocalSynapse.get(), "once" + UUID.randomUUID()
        .toString().substring(0, 6), "Europe/Brussels", SharedSchedules.example(),
        "people:\n  file: people.csv\n");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Main.run(
        new PrintWriter(out), new PrintWriter(err), "plan", "--full",
        "-c", config.toString()));
    writer.join(2_000);
    if (writer.isAlive()) {
      // Waiting to serve its second version to a second reader: be that reader, so it ends.
      try (FileInputStream drain = new FileInputStream(fifo.toFile())) {
        while (drain.read(new byte[4096]) >= 0) {
          // the second version, unread by the run
        }
      }
    }
    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString()).contains("@cora:remote.example")
        .doesNotContain("@dana:remote.example");
  }
}

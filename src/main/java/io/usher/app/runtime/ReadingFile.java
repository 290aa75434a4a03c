package io.usher.app.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.usher.apply.Reading;
import io.usher.apply.ReadingStore;
import io.usher.matrix.WhoAmI;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ReadingStore} in one JSON file on the bot's machine, so that the next process
 * (a restart, the next command) reads only what changed. The file is
 * {@code <dir>/reading-<conference>-<account>.json}: {@code dir} is {@code $USHER_STATE_DIR},
 * else systemd's {@code $STATE_DIRECTORY} ({@code StateDirectory=usher}: /var/lib/usher), else
 * {@code ~/.cache/usher}; {@code account} is a hash of the homeserver URL, user id and device
 * id, so a reading is used only by the account and device that made it on that homeserver (a
 * homeserver whose database was replaced gives the bot a new device, and never receives an old
 * token). Written to a temporary file and moved in place (a killed process leaves the old
 * reading or the new one, never half), readable by its owner only. Never throws: a reading
 * that cannot be kept or read back costs the next process a full read, and says so once.
 */
final class ReadingFile implements ReadingStore {
  private static final Logger LOG = LoggerFactory.getLogger(ReadingFile.class);

  private final Path file;
  private final ObjectMapper mapper = new ObjectMapper();
  private volatile boolean warned;

  ReadingFile(Path file) {
    this.file = file;
  }

  /** The file of this account's readings of {@code conferenceId}; nothing is read or made. */
  static ReadingFile of(Map<String, String> env, String homeserverUrl, WhoAmI me,
      String conferenceId) {
    Path dir = Optional.ofNullable(env.get("USHER_STATE_DIR"))
        .or(() -> Optional.ofNullable(env.get("STATE_DIRECTORY")))
        .map(Path::of)
        .orElseGet(() -> Path.of(System.getProperty("user.home"), ".cache", "usher"));
    String account = sha256(homeserverUrl + "\n" + me.userId() + "\n" + me.deviceId())
        .substring(0, 16);
    return new ReadingFile(dir.resolve("reading-" + conferenceId.replaceAll("[^A-Za-z0-9._-]",
        "_") + "-" + account + ".json"));
  }

  @Override
  public Optional<Reading> load() {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(mapper.readValue(file.toFile(), Reading.class));
    } catch (IOException | RuntimeException e) {
      warnOnce("cannot read " + file + " (" + e.getMessage() + "): reading every room instead");
      return Optional.empty();
    }
  }

  @Override
  public void save(Reading reading) {
    try {
      Files.createDirectories(file.getParent());
      Path temporary = Files.createTempFile(file.getParent(), ".reading-", ".json");
      try {
        ownerOnly(temporary);
        mapper.writeValue(temporary.toFile(), reading);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException | RuntimeException e) {
      warnOnce("cannot keep the rooms' reading in " + file + " (" + e.getMessage()
          + "): the next start reads every room");
    }
  }

  @Override
  public void forget() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      warnOnce("cannot remove " + file + " (" + e.getMessage() + ")");
    }
  }

  Path file() {
    return file;
  }

  private void warnOnce(String message) {
    if (!warned) {
      warned = true;
      LOG.warn(message);
    }
  }

  private static void ownerOnly(Path path) throws IOException {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // Not a POSIX file system: the platform's default permissions.
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}

package io.usher.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Turns schedule text into ids and alias localparts that are safe for any name in real
 * schedules ({@code ( ) & ' / :}, umlauts, en dashes): lower-case ASCII letters, digits and
 * single dashes, accents folded ({@code ü} to {@code u}), at most {@value #MAX_LENGTH} chars.
 */
public final class Slugs {
  static final int MAX_LENGTH = 60;

  private Slugs() {}

  public static String slug(String text) {
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKD)
        .replaceAll("\\p{M}+", "")
        .replace("ß", "ss")
        .toLowerCase(Locale.ROOT);
    String slug = folded.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > MAX_LENGTH) {
      slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
    }
    return slug.isEmpty() ? "x" + shortHash(text) : slug;
  }

  /**
   * A transaction id part: the text when it is already {@code [A-Za-z0-9._/-]}, else a slug of it
   * plus its hash, so distinct texts stay distinct.
   */
  public static String txnSafe(String text) {
    return text.matches("[A-Za-z0-9._/-]+") ? text.replace('/', '.')
        : slug(text) + "-" + shortHash(text);
  }

  /** Six hex digits of the text's SHA-256: a stable tie-breaker for colliding slugs. */
  public static String shortHash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 3);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}

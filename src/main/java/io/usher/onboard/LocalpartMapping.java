package io.usher.onboard;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Maps an e-mail address to a Matrix user id localpart
 * (https://spec.matrix.org/latest/appendices/#user-identifiers: {@code a-z 0-9 . _ = - / +}).
 * Lower-cased; accents dropped ({@code é} to {@code e}) and a few letters spelled out
 * ({@code ß} to {@code ss}); other non-ASCII characters as {@code =xx} per UTF-8 byte, as in the
 * spec's mapping from other character sets, so that different scripts never collide; the
 * {@code @} becomes {@code atSign}; other characters not allowed become {@code replacement}.
 * Different addresses can still map to one localpart ({@code a_b@x} and {@code a!b@x}): callers
 * must check.
 *
 * @param keepPlusTag keep {@code +tag} before the {@code @}; false drops it
 *     ({@code jane+conf@x} becomes {@code jane.x})
 */
public record LocalpartMapping(String atSign, String replacement, boolean keepPlusTag) {
  private static final String ALLOWED = "abcdefghijklmnopqrstuvwxyz0123456789._=-+";
  private static final Map<Character, String> SPELLED = Map.of('ß', "ss", 'æ', "ae", 'œ', "oe",
      'ø', "o", 'ł', "l", 'đ', "d", 'þ', "th", 'ı', "i");

  public LocalpartMapping {
    Objects.requireNonNull(atSign, "atSign");
    Objects.requireNonNull(replacement, "replacement");
  }

  /** {@code @} to {@code .}, invalid characters to {@code _}, {@code +tag} kept. */
  public static LocalpartMapping defaults() {
    return new LocalpartMapping(".", "_", true);
  }

  /** Whether {@code text} has only characters a localpart allows (without {@code /}). */
  public static boolean isValid(String text) {
    return text.chars().allMatch(c -> ALLOWED.indexOf(c) >= 0);
  }

  /** The localpart for an e-mail address; never empty for a non-empty address. */
  public String localpart(String email) {
    String address = email.strip();
    int at = address.lastIndexOf('@');
    String local = at < 0 ? address : address.substring(0, at);
    String domain = at < 0 ? "" : address.substring(at + 1);
    int plus = local.indexOf('+');
    if (!keepPlusTag && plus > 0) {
      local = local.substring(0, plus);
    }
    String mapped = map(local) + (at < 0 ? "" : atSign + map(domain));
    // Synapse reserves a leading underscore (application services' namespaces).
    return mapped.startsWith("_") ? "u" + mapped : mapped;
  }

  private String map(String text) {
    String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD);
    StringBuilder out = new StringBuilder();
    decomposed.codePoints().forEach(c -> {
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        return;
      }
      if (c < 128) {
        out.append(ALLOWED.indexOf(c) >= 0 ? String.valueOf((char) c) : replacement);
      } else if (c < 0x10000 && SPELLED.containsKey((char) c)) {
        out.append(SPELLED.get((char) c));
      } else {
        for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
          out.append(String.format("=%02x", b & 0xff));
        }
      }
    });
    return out.toString();
  }
}

package org.kontekst.bot.curation;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who holds which {@link Role}: the one question every curation command asks before it touches
 * anything.
 *
 * <p>PLACEHOLDER until part A's roles are merged: {@link #admins(String)} reads the admins from
 * {@code KONTEKST_ADMINS} only. At the merge, implement this interface over part A's role store
 * (or replace its callers' use of it) and delete {@code admins}.
 */
@FunctionalInterface
public interface Roles {

  boolean has(long userId, Role role);

  /** Nobody holds any role. */
  Roles NOBODY = (userId, role) -> false;

  /**
   * PLACEHOLDER: the Telegram user ids in {@code value} (comma- or space-separated, as in {@code
   * KONTEKST_ADMINS}) hold every role; nobody else holds any.
   *
   * @throws IllegalArgumentException when an entry is not a user id
   */
  static Roles admins(String value) {
    Set<Long> ids = parseIds(value);
    return (userId, role) -> ids.contains(userId);
  }

  private static Set<Long> parseIds(String value) {
    if (value == null || value.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(value.strip().split("[,\\s]+"))
        .map(
            s -> {
              try {
                long id = Long.parseLong(s);
                if (id <= 0) {
                  throw new NumberFormatException();
                }
                return id;
              } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                    "KONTEKST_ADMINS must list Telegram user ids separated by commas: " + s);
              }
            })
        .collect(Collectors.toUnmodifiableSet());
  }
}

package org.kontekst.bot.curation;

import java.util.Locale;
import java.util.Optional;

/**
 * A curation role, weakest first: each role may do what the ones before it may. Curators add
 * (pending), edit pending articles and look; moderators also approve, reject, retire and edit
 * published articles and read the audit; admins (from {@code KONTEKST_ADMINS}) also grant and
 * revoke roles.
 */
public enum Role {
  CURATOR,
  MODERATOR,
  ADMIN;

  public boolean atLeast(Role other) {
    return compareTo(other) >= 0;
  }

  /** "curator" or "moderator", case-insensitively; admin cannot be granted, so it is not parsed. */
  public static Optional<Role> grantable(String name) {
    return switch (name.strip().toLowerCase(Locale.ROOT)) {
      case "curator" -> Optional.of(CURATOR);
      case "moderator" -> Optional.of(MODERATOR);
      default -> Optional.empty();
    };
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}

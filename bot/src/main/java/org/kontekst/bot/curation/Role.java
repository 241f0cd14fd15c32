package org.kontekst.bot.curation;

/**
 * What a person may do beyond checking posts.
 *
 * <p>PLACEHOLDER until part A's roles are merged: replace with part A's role type (the names are
 * meant to line up: curators work the queue, lexicon, aliases and sources; moderators read /stats;
 * admins may do everything).
 */
public enum Role {
  CURATOR,
  MODERATOR,
  ADMIN
}

package org.kontekst.bot.feedback;

/** Where a post goes when a person sends it to volunteers: the curation queue. */
@FunctionalInterface
public interface VolunteerInbox {

  /** Stores the post; false when this person already sent this reply's post. */
  boolean submit(VolunteerPost post);
}

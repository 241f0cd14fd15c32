-- The highest reply id of the installation that a backup was restored from (0 when none). New
-- replies are numbered after it, and the next backup carries it on, so that a feedback button sent
-- before a restore (its signature still valid: the installation secret is restored too) never
-- lands on a new reply that happens to get its old id.
ALTER TABLE tg_state ADD COLUMN reply_floor BIGINT DEFAULT 0 NOT NULL;

-- What instances that share one database need to follow each other's writes (portable SQL: H2 2.x
-- and PostgreSQL, like every migration from V12 on).

-- The KB revision of the write that last changed each article: an instance whose search index is
-- at revision R fetches only the articles with a greater one. Articles written before this
-- migration have 0, which every index already includes.
ALTER TABLE article ADD COLUMN revision BIGINT DEFAULT 0 NOT NULL;
CREATE INDEX article_revision_idx ON article (revision);

-- One counter per kind of curated data that instances hold in memory; the write bumps it in its own
-- transaction, and every instance polls the counters (articles have kb_revision).
CREATE TABLE sync_revision (
  topic     VARCHAR(32) NOT NULL PRIMARY KEY,
  revision  BIGINT      NOT NULL
);
INSERT INTO sync_revision (topic, revision) VALUES ('lexicon', 0);
INSERT INTO sync_revision (topic, revision) VALUES ('aliases', 0);
INSERT INTO sync_revision (topic, revision) VALUES ('chat_settings', 0);

-- PostgreSQL twin of db/migration/V1__articles.sql (the H2 set, whose files never change): the same
-- tables in PostgreSQL's types (TEXT for CLOB, BYTEA for VARBINARY).

-- The knowledge base: one row per verified article.
CREATE TABLE article (
  id          VARCHAR(200)  NOT NULL PRIMARY KEY,
  title       VARCHAR(1000) NOT NULL,
  outlet      VARCHAR(300)  NOT NULL DEFAULT '',
  url         VARCHAR(2000) NOT NULL DEFAULT '',
  published   DATE,
  language    VARCHAR(8)    NOT NULL,
  body        TEXT          NOT NULL,
  text        TEXT          NOT NULL,
  tags        VARCHAR(4000) NOT NULL DEFAULT '',
  status      VARCHAR(16)   NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT article_status CHECK (status IN ('PUBLISHED', 'PENDING', 'RETIRED'))
);

CREATE INDEX article_status_idx ON article (status);

-- Bumped by every write, so derived indexes can tell whether they are stale.
CREATE TABLE kb_revision (
  id        INT    NOT NULL PRIMARY KEY,
  revision  BIGINT NOT NULL
);
INSERT INTO kb_revision (id, revision) VALUES (1, 0);

-- PostgreSQL twin of db/migration/V11__usage_stats.sql (the H2 set, whose files never change): the same
-- tables in PostgreSQL's types (TEXT for CLOB, BYTEA for VARBINARY).

-- Aggregate usage for /stats: counts per day (UTC) and post language, never per person or chat.
CREATE TABLE stats_daily (
  stat_day  DATE       NOT NULL,
  language  VARCHAR(8) NOT NULL,
  checks    BIGINT     NOT NULL,
  matched   BIGINT     NOT NULL,
  PRIMARY KEY (stat_day, language)
);

-- How often each article matched, per day.
CREATE TABLE stats_article_daily (
  stat_day  DATE         NOT NULL,
  article_id  VARCHAR(200) NOT NULL,
  matches     BIGINT       NOT NULL,
  PRIMARY KEY (stat_day, article_id)
);

-- How often each lexicon term was flagged (the flagged words, lower-cased), per day and language.
CREATE TABLE stats_flag_daily (
  stat_day  DATE         NOT NULL,
  language  VARCHAR(8)   NOT NULL,
  category  VARCHAR(16)  NOT NULL,
  term      VARCHAR(100) NOT NULL,
  flags     BIGINT       NOT NULL,
  PRIMARY KEY (stat_day, language, category, term)
);

-- Telegram's send limits (per chat, per group, overall), paced together by every webhook instance on
-- one PostgreSQL database (portable SQL: H2 2.x and PostgreSQL, like every migration from V12 on;
-- on H2, one process, the table stays empty and the send queue paces in memory).
--
-- One row per limit and key (a chat id; 0 for the overall limit): the generic cell rate algorithm's
-- theoretical arrival time, in wall-clock epoch milliseconds, since instances share no monotonic
-- clock. A reservation is one short transaction whose UPDATE takes the row's lock, so instances
-- reserving for the same key take turns. A row whose time is past is worth no more than no row:
-- rows long past are deleted now and then. No index on the time: each reservation moves it, and
-- the rare purge reads a table no larger than the keys used in the last minutes.
CREATE TABLE tg_send_pace (
  pacer       VARCHAR(8)  NOT NULL,
  pace_key    BIGINT      NOT NULL,
  tat_millis  BIGINT      NOT NULL,
  PRIMARY KEY (pacer, pace_key),
  CONSTRAINT tg_send_pace_pacer CHECK (pacer IN ('chat', 'group', 'global'))
);

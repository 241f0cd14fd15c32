-- Webhook mode (kontekst bot --webhook): the updates Telegram pushed, and the Bot API calls that
-- answer them, shared by every instance behind the load balancer. Portable SQL: this file runs
-- unchanged on H2 2.x and PostgreSQL 15 (no CLOB, no SECURE_RAND, no SKIP LOCKED).
--
-- An instance answers 2xx to Telegram only after the update is a row here; update_id is the
-- idempotency key, so a repeated delivery inserts nothing. The instance that inserts a row owns it
-- (owner_id) until lease_until, renews the lease while it works, and in one transaction marks it
-- DONE, drops its payload and writes the answering calls to tg_outbox. An instance that died leaves
-- its rows behind: after their lease any instance claims them with a conditional UPDATE.
-- claims counts owners, so that an update that kills every instance that takes it is given up.
-- A DONE row keeps only its id and times, to recognise Telegram's late retries, and is purged
-- after two days (Telegram keeps an undelivered update for at most one).
CREATE TABLE tg_inbox (
  update_id    BIGINT           NOT NULL PRIMARY KEY,
  state        VARCHAR(8)       NOT NULL,
  payload      VARCHAR(1048576),
  owner_id     VARCHAR(64),
  lease_until  TIMESTAMP WITH TIME ZONE NOT NULL,
  claims       INT              NOT NULL,
  received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  done_at      TIMESTAMP WITH TIME ZONE,
  CONSTRAINT tg_inbox_state CHECK (state IN ('NEW', 'DONE')),
  CONSTRAINT tg_inbox_done_is_empty CHECK (state = 'NEW' OR (payload IS NULL AND owner_id IS NULL)),
  CONSTRAINT tg_inbox_claims CHECK (claims >= 0)
);
CREATE INDEX tg_inbox_due_idx ON tg_inbox (state, lease_until);
CREATE INDEX tg_inbox_done_idx ON tg_inbox (done_at);

-- The Bot API calls owed, in order (seq) within the update they answer: the method
-- (sendMessage, editMessageText, answerCallbackQuery) and its action as JSON. A row exists only
-- while its call is owed: it is deleted once Telegram accepts the call or refuses it for good, so
-- no reply text stays behind. attempts counts the calls made, recorded before each: a row taken
-- over with attempts > 0 may already have reached Telegram (the one window for a duplicate).
CREATE TABLE tg_outbox (
  update_id    BIGINT          NOT NULL,
  seq          INT             NOT NULL,
  chat_id      BIGINT          NOT NULL,
  chat_kind    VARCHAR(16)     NOT NULL,
  method       VARCHAR(32)     NOT NULL,
  payload      VARCHAR(65536)  NOT NULL,
  owner_id     VARCHAR(64),
  lease_until  TIMESTAMP WITH TIME ZONE NOT NULL,
  attempts     INT             NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (update_id, seq),
  CONSTRAINT tg_outbox_kind CHECK (chat_kind IN ('PRIVATE', 'GROUP', 'OTHER')),
  CONSTRAINT tg_outbox_method CHECK (method IN ('sendMessage', 'editMessageText', 'answerCallbackQuery')),
  CONSTRAINT tg_outbox_attempts CHECK (attempts >= 0)
);
CREATE INDEX tg_outbox_due_idx ON tg_outbox (lease_until);

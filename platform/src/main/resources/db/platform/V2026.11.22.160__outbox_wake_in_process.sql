-- The outbox relay is woken in-process after each commit that appended events, no longer by NOTIFY:
-- PostgreSQL takes a database-wide lock at the commit of every transaction that notified, so under
-- load every append queued behind the previous commit's WAL flush (docs/performance.md). Rows
-- appended by another instance are found by the relay's poll.
drop trigger outbox_wake_relay on outbox;
drop function outbox_notify();

-- How far the ledger's order has been published to the ledger-order topic (the sequence of entries,
-- each naming the topic, partition and offset it came from), so a rebuild from Kafka can append the
-- same events in the same order and reach the same hashes.
create table ledger_order_published (
    id       integer primary key default 1 check (id = 1),
    last_seq bigint  not null
);
insert into ledger_order_published (id, last_seq) values (1, 0);

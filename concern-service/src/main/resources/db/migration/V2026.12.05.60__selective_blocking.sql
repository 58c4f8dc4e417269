-- Selective blocking keys (ChildMatcher.blocks): a phonetic name with the date of birth, and the two
-- names with the year of birth, instead of the names alone and the date alone, so a common family name
-- is not one big block sharing one lock. The old keys are dropped here; BlockingKeysRebuild files every
-- recorded identification under the new ones when the service starts, once per scheme.
delete from child_blocking_key;

create table child_blocking_scheme (
    id         integer     primary key check (id = 1),
    version    integer     not null,
    rebuilt_at timestamptz not null
);

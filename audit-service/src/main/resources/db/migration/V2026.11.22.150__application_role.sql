-- The service runs as an application role, not as the owner of its tables: it may read and write
-- what it needs, but it can neither change nor delete a ledger row or an event-store row (nor switch
-- off the triggers that also refuse it): only SELECT and INSERT are granted on them. Migrations run as
-- the owner. Tables added later are granted by default privileges; an append-only table added later
-- must revoke UPDATE, DELETE and TRUNCATE from the role explicitly, as below.
do $$
begin
    if not exists (select 1 from pg_roles where rolname = '${appRole}') then
        execute format('create role %I login', '${appRole}');
    end if;
end
$$;

grant usage on schema public to "${appRole}";
grant select, insert, update, delete on all tables in schema public to "${appRole}";
grant usage, select on all sequences in schema public to "${appRole}";
revoke update, delete, truncate on ledger_entry, ledger_entry_unchained, event_store from "${appRole}";
revoke all on flyway_schema_history from "${appRole}";
alter default privileges in schema public grant select, insert, update, delete on tables to "${appRole}";
alter default privileges in schema public grant usage, select on sequences to "${appRole}";

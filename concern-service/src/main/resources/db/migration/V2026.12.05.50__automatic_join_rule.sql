-- Child identity you can trust: a deterministic key (an NHS number, or names with a date of birth) no
-- longer means one child. Several children may hold it (a sister's NHS number typed in on a record that
-- is queued as an nhs-number-conflict; namesakes born on one day in different places), and the
-- automatic-join rule (AutomaticJoin) decides with the rest of the evidence.
alter table child_match_key drop constraint child_match_key_pkey;
alter table child_match_key add primary key (match_key, child_id);

-- Why a pair is in the review queue, and the evidence against it beside the evidence for it.
alter table child_match_candidate
    add column reason  text   not null default 'likely-match'
        check (reason in ('nhs-number-conflict', 'conflicting-keys', 'same-names-and-birth', 'likely-match')),
    add column against text[] not null default '{}';

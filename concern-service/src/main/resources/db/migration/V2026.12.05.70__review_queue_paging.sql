-- The review queue in its order (strongest first, then oldest), so a page deep in a large queue is
-- read from its cursor, not by counting past every row before it.
create index child_match_candidate_queue on child_match_candidate (status, score desc, found_at, candidate_id);

-- A practitioner's own concerns, and their agency's, newest first (GET /concerns).
create index concern_view_agency_newest on concern_view (agency_id, occurred_at desc, concern_id);

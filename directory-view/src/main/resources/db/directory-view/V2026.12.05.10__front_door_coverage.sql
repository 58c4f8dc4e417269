-- Children's social care agencies name the postcode districts ('N17') and sectors ('N4 1') where they
-- are the front door: the local authority of the area where a child lives (need to know, docs/access.md).
alter table directory_agency add column front_door_for text[] not null default '{}';
create index directory_agency_front_door on directory_agency using gin (front_door_for);

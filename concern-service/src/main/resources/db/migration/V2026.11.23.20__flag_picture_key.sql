-- A flag's pieces can be many: a child with ~170 concerns or more made the flag's arrays larger than a
-- btree index entry may be (SQLState 54000), and every further concern about that child failed. The
-- rule "once per child, rule and set of pieces" now holds on a SHA-256 of the two sorted sets.
alter table bigger_picture_flag add column picture_key text;
update bigger_picture_flag
   set picture_key = encode(sha256(convert_to(concern_ids::text || '|' || share_ids::text, 'UTF8')), 'hex');
alter table bigger_picture_flag alter column picture_key set not null;
alter table bigger_picture_flag drop constraint bigger_picture_flag_once;
alter table bigger_picture_flag add constraint bigger_picture_flag_once unique (child_id, rule, picture_key);

-- What a reader said about a paper before their latest word, and when: undoing the latest word
-- (a card's "Not interested", a mail link's Undo) gives the earlier one back instead of erasing
-- both. One step back only: undoing twice leaves nothing.
alter table feedback add column replaced    text check (replaced in ('up', 'down', 'not-interested'));
alter table feedback add column replaced_at timestamptz;

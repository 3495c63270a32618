-- Registration, second part: what the seat rules and signed links need beyond V4.

-- The key that signs links in e-mails (cancel links) when PARCOURS_SECRET is not set: generated once at the first
-- start and shared by every node through the database. Only used when no secret is configured.
create table app_secret (
    name varchar(64) primary key,
    secret varchar(200) not null,
    created_at timestamp with time zone not null
);

-- The cap the organiser asked for. seat_cap is the enforced limit: max(wanted_cap, seats_taken), so lowering the
-- cap below the seats already given never evicts anyone; freed seats are then not given again until
-- seats_taken is back under wanted_cap.
alter table seat_counter add column wanted_cap integer;

-- activation: bumped when a cancelled registration is taken up again (cancel links of the earlier one stop
-- working). revision: bumped on every change of seat or status, so each e-mail about one state is queued once.
alter table registration add column activation integer not null default 1;
alter table registration add column revision integer not null default 1;

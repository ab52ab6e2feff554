-- Each hall's public profile (hallProfileSchema in @yichuang/protocol): name, hours, closed dates,
-- address, windows, queues, matters (with the 全城通办 flag), printers. The newest version wins.
CREATE TABLE IF NOT EXISTS city_hall_profiles (
  hall_id text PRIMARY KEY REFERENCES halls (hall_id),
  version integer NOT NULL,
  profile jsonb NOT NULL,
  received_at bigint NOT NULL
);

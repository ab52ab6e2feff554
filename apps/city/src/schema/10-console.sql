-- Folded: each printer's status as its hall last reported it (printer:status-changed), for the console.
CREATE TABLE IF NOT EXISTS city_printers (
  hall_id text NOT NULL,
  printer_id text NOT NULL,
  status text NOT NULL,
  since bigint NOT NULL,
  PRIMARY KEY (hall_id, printer_id)
);

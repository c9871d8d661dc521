-- Account settings of a region that are single values: snapshot and AMI block public access, serial console
-- access, and the instance metadata defaults (one row per field set). An absent row is AWS's default.
CREATE TABLE account_settings (
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  name TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (account, region, name)
) WITHOUT ROWID;

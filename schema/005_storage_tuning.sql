-- Storage tuning found by the benchmark (npm run bench):
-- * client_tokens was WITHOUT ROWID; its stored answers are a little larger than an index page's local limit, so
--   every row spilled to its own overflow page (~4 KB per SDK call that carries a ClientToken). A rowid table keeps
--   rows packed; the answers are also stored deflated now (src/store/smallRepos.ts).
-- * Foreign keys that point at network interfaces get indexes, so deleting an interface does not scan them.
CREATE TABLE client_tokens_new (
  seq INTEGER PRIMARY KEY,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  action TEXT NOT NULL,
  token TEXT NOT NULL,
  params_hash TEXT NOT NULL,
  response BLOB NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (account, region, action, token)
);
DROP TABLE client_tokens;
ALTER TABLE client_tokens_new RENAME TO client_tokens;

CREATE INDEX network_interface_permissions_eni ON network_interface_permissions (network_interface_id);
CREATE INDEX nova_network_setups_dhcp_interface ON nova_network_setups (dhcp_interface_id);

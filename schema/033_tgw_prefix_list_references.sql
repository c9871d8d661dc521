-- Transit gateway prefix list references: a route table's route to every CIDR of a managed prefix list, through an
-- attachment or to a blackhole. id = route table id + '_' + prefix list id (AWS names a reference by the pair).
-- state: pending | available | modifying | deleting (then the row goes), moved by the back end.
CREATE TABLE transit_gateway_prefix_list_references (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  route_table_id TEXT NOT NULL,
  prefix_list_id TEXT NOT NULL,
  prefix_list_owner_id TEXT NOT NULL,
  attachment_id TEXT,
  blackhole INTEGER NOT NULL DEFAULT 0,
  state TEXT NOT NULL
);
CREATE INDEX tgw_prefix_list_references_table ON transit_gateway_prefix_list_references (route_table_id, seq);
CREATE INDEX tgw_prefix_list_references_list ON transit_gateway_prefix_list_references (prefix_list_id);

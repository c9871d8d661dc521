-- VPC flow logs (CreateFlowLogs): a record per (resource, destination); nothing is ever delivered.
CREATE TABLE flow_logs (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  -- the VPC, subnet or network interface it watches, and its kind (VPC | Subnet | NetworkInterface)
  resource_id TEXT NOT NULL,
  resource_type TEXT NOT NULL,
  traffic_type TEXT NOT NULL,
  log_destination_type TEXT NOT NULL,
  log_destination TEXT,
  log_group_name TEXT,
  deliver_logs_permission_arn TEXT,
  deliver_cross_account_role TEXT,
  log_format TEXT NOT NULL,
  max_aggregation_interval INTEGER NOT NULL,
  -- DestinationOptions (S3 only) as JSON, or NULL
  destination_options TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX flow_logs_scope ON flow_logs (account, region, seq);
CREATE INDEX flow_logs_resource ON flow_logs (resource_id);

-- A flow log goes with the resource it watches, whichever way that resource is deleted (DeleteVpc,
-- DeleteSubnet, DeleteNetworkInterface, delete-on-termination), and its tags with it.
CREATE TRIGGER flow_logs_of_deleted_vpc AFTER DELETE ON vpcs BEGIN
  DELETE FROM tags WHERE resource_id IN (SELECT id FROM flow_logs WHERE resource_id = OLD.id);
  DELETE FROM flow_logs WHERE resource_id = OLD.id;
END;
CREATE TRIGGER flow_logs_of_deleted_subnet AFTER DELETE ON subnets BEGIN
  DELETE FROM tags WHERE resource_id IN (SELECT id FROM flow_logs WHERE resource_id = OLD.id);
  DELETE FROM flow_logs WHERE resource_id = OLD.id;
END;
CREATE TRIGGER flow_logs_of_deleted_interface AFTER DELETE ON network_interfaces BEGIN
  DELETE FROM tags WHERE resource_id IN (SELECT id FROM flow_logs WHERE resource_id = OLD.id);
  DELETE FROM flow_logs WHERE resource_id = OLD.id;
END;

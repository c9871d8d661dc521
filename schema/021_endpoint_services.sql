-- VPC endpoint services (PrivateLink): an account's service configurations, who may connect to them, the
-- endpoints (of any account of the region) connected to them, and connection notifications
-- (docs/behavior.md "VPC endpoint services").
CREATE TABLE vpc_endpoint_services (
  seq INTEGER PRIMARY KEY,
  -- vpce-svc-<17 hex>
  id TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  -- com.amazonaws.vpce.<region>.<id>: how consumers name it (CreateVpcEndpoint ServiceName)
  name TEXT NOT NULL UNIQUE,
  -- Interface (network load balancers) | GatewayLoadBalancer
  service_type TEXT NOT NULL,
  -- Pending | Available | Deleting | Deleted | Failed
  state TEXT NOT NULL,
  acceptance_required INTEGER NOT NULL,
  -- JSON arrays
  load_balancer_arns TEXT NOT NULL,
  ip_address_types TEXT NOT NULL,
  private_dns_name TEXT,
  -- pendingVerification | verified | failed (null without a private DNS name)
  private_dns_state TEXT,
  -- the TXT record AWS asks the owner to publish: <name>.<private dns name> = <value>
  private_dns_record_name TEXT,
  private_dns_record_value TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX vpc_endpoint_services_scope ON vpc_endpoint_services (account, region, seq);
CREATE TRIGGER vpc_endpoint_services_tags AFTER DELETE ON vpc_endpoint_services BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;

-- ModifyVpcEndpointServicePermissions: principals (ARNs or '*') allowed to connect; rows live in the owner's scope.
CREATE TABLE vpc_endpoint_service_permissions (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  service_id TEXT NOT NULL REFERENCES vpc_endpoint_services (id) ON DELETE CASCADE,
  principal TEXT NOT NULL,
  -- All | Account | User | Role | Service | OrganizationUnit
  principal_type TEXT NOT NULL,
  UNIQUE (service_id, principal)
);
CREATE INDEX vpc_endpoint_service_permissions_service ON vpc_endpoint_service_permissions (service_id, seq);
CREATE TRIGGER vpc_endpoint_service_permissions_tags AFTER DELETE ON vpc_endpoint_service_permissions BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;

-- An endpoint connected to a service: a row in the service owner's scope (DescribeVpcEndpointConnections pages over
-- it there); the endpoint itself stays in its own account's scope and carries the state both sides see.
CREATE TABLE vpc_endpoint_connections (
  seq INTEGER PRIMARY KEY,
  -- vpce-con-<17 hex>
  id TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  service_id TEXT NOT NULL REFERENCES vpc_endpoint_services (id) ON DELETE CASCADE,
  endpoint_id TEXT NOT NULL UNIQUE REFERENCES vpc_endpoints (id) ON DELETE CASCADE,
  endpoint_owner TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX vpc_endpoint_connections_scope ON vpc_endpoint_connections (account, region, seq);
CREATE INDEX vpc_endpoint_connections_service ON vpc_endpoint_connections (service_id, seq);

-- Connection notifications: an SNS topic told of connection events, for one service (owner) or one endpoint.
CREATE TABLE vpc_endpoint_connection_notifications (
  seq INTEGER PRIMARY KEY,
  -- vpce-nfn-<17 hex>
  id TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  service_id TEXT,
  endpoint_id TEXT,
  topic_arn TEXT NOT NULL,
  -- JSON array of Connect | Accept | Reject | Delete
  events TEXT NOT NULL,
  state TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX vpc_endpoint_connection_notifications_scope ON vpc_endpoint_connection_notifications (account, region, seq);

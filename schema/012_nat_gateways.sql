-- NAT gateways (docs/behavior.md "NAT gateways") and the service attachment of requester-managed interfaces.
--
-- A gateway row outlives its interface: failed and deleted gateways stay visible (until purged) with the
-- addresses they had, so the address columns are a copy, not a reference. vpc_id and subnet_id carry no foreign
-- key for the same reason (a deleted gateway must not keep its subnet alive).
CREATE TABLE nat_gateways (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  vpc_id TEXT NOT NULL,
  subnet_id TEXT NOT NULL,
  -- public | private
  connectivity_type TEXT NOT NULL,
  -- pending | failed | available | deleting | deleted
  state TEXT NOT NULL,
  network_interface_id TEXT,
  private_ip TEXT,
  allocation_id TEXT,
  public_ip TEXT,
  association_id TEXT,
  failure_code TEXT,
  failure_message TEXT,
  created_at INTEGER NOT NULL,
  deleted_at INTEGER
);
CREATE INDEX nat_gateways_scope ON nat_gateways (account, region, seq);
CREATE INDEX nat_gateways_vpc ON nat_gateways (vpc_id, seq);
CREATE INDEX nat_gateways_subnet ON nat_gateways (subnet_id, seq);
CREATE INDEX nat_gateways_state ON nat_gateways (account, region, state);
CREATE INDEX nat_gateways_eni ON nat_gateways (network_interface_id) WHERE network_interface_id IS NOT NULL;
CREATE INDEX nat_gateways_deleted ON nat_gateways (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE TRIGGER nat_gateways_tags AFTER DELETE ON nat_gateways BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;

-- Routes through a NAT gateway are re-derived when the gateway changes state.
CREATE INDEX routes_nat_gateway ON routes (nat_gateway_id) WHERE nat_gateway_id IS NOT NULL;

-- A requester-managed interface is plugged into its service, not into an instance: AWS shows an `ela-attach-`
-- attachment with no instance (owner `amazon-aws`, device index 1, attached). The attachments table requires an
-- instance, so the service attachment is two columns of the interface.
ALTER TABLE network_interfaces ADD COLUMN service_attachment_id TEXT;
ALTER TABLE network_interfaces ADD COLUMN service_attach_time INTEGER;
CREATE UNIQUE INDEX network_interfaces_service_attachment ON network_interfaces (service_attachment_id)
  WHERE service_attachment_id IS NOT NULL;
CREATE INDEX network_interfaces_type ON network_interfaces (account, region, interface_type);

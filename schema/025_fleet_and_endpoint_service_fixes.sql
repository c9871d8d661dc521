-- Review fixes to schemas 021 and 023 (docs/decisions.md "Fleets and spot", docs/behavior.md "VPC endpoint services").

-- The configuration a Spot Fleet request was made with, as its ClientToken fingerprint: ModifySpotFleetRequest
-- rewrites `config`, and a retry of the original RequestSpotFleet must still answer the same request. NULL for rows
-- written before this column (their `config` is the fingerprint).
ALTER TABLE spot_fleet_requests ADD COLUMN request_fingerprint TEXT;

-- DescribeVpcEndpointServices finds the services allowed to a caller through their permissions (principal first),
-- not by reading every account's services.
CREATE INDEX vpc_endpoint_service_permissions_principal ON vpc_endpoint_service_permissions (principal, service_id);

-- Connection notifications are found by their service (DeleteVpcEndpointServiceConfigurations) and by their
-- endpoint; a consumer's notifications go with its endpoint (there is no foreign key to cascade).
CREATE INDEX vpc_endpoint_connection_notifications_service ON vpc_endpoint_connection_notifications (service_id, seq);
CREATE INDEX vpc_endpoint_connection_notifications_endpoint ON vpc_endpoint_connection_notifications (endpoint_id);
CREATE TRIGGER vpc_endpoints_connection_notifications AFTER DELETE ON vpc_endpoints BEGIN
  DELETE FROM vpc_endpoint_connection_notifications WHERE endpoint_id = OLD.id;
END;

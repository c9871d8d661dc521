-- Gateway route tables (AssociateRouteTable with GatewayId, an "edge association"): an internet or virtual private
-- gateway is associated with at most one route table, and is looked up by gateway when it is associated or detached.
CREATE UNIQUE INDEX route_table_associations_gateway ON route_table_associations (gateway_id) WHERE gateway_id IS NOT NULL;

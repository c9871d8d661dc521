/** Row types, one per table, exactly as SQLite returns them (snake_case; booleans as 0/1). */

export interface ScopeRow {
  account: string;
  region: string;
  default_vpc_id: string | null;
  created_at: number;
}

export interface DhcpOptionsRow {
  seq: number;
  id: string;
  account: string;
  region: string;
  domain_name: string;
  domain_name_servers: string;
}

export interface VpcRow {
  seq: number;
  id: string;
  account: string;
  region: string;
  cidr: string;
  cidr_association_id: string;
  is_default: number;
  state: string;
  instance_tenancy: string;
  dhcp_options_id: string | null;
  network_acl_id: string;
  enable_dns_support: number;
  enable_dns_hostnames: number;
  enable_network_address_usage_metrics: number;
}

export interface SubnetRow {
  seq: number;
  id: string;
  account: string;
  region: string;
  vpc_id: string;
  cidr: string;
  cidr_base: number;
  cidr_size: number;
  availability_zone: string;
  default_for_az: number;
  map_public_ip_on_launch: number;
  state: string;
  used_ips: number;
  alloc_hint: number;
  reserved_low: number;
  reserved_high: number;
  mac_prefix: string;
}

export interface SecurityGroupRow {
  seq: number;
  id: string;
  account: string;
  region: string;
  vpc_id: string;
  name: string;
  description: string;
  is_default: number;
}

export interface SecurityGroupRuleRow {
  seq: number;
  id: string;
  group_id: string;
  account: string;
  region: string;
  is_egress: number;
  ip_protocol: string;
  from_port: number | null;
  to_port: number | null;
  cidr_ipv4: string | null;
  cidr_ipv6: string | null;
  prefix_list_id: string | null;
  ref_group_id: string | null;
  ref_user_id: string | null;
  description: string | null;
}

export interface RouteTableRow {
  seq: number;
  id: string;
  account: string;
  region: string;
  vpc_id: string;
}

export interface RouteRow {
  seq: number;
  route_table_id: string;
  destination_cidr: string;
  gateway_id: string | null;
  network_interface_id: string | null;
  instance_id: string | null;
  instance_owner_id: string | null;
  nat_gateway_id: string | null;
  origin: string;
  state: string;
}

export interface RouteTableAssociationRow {
  seq: number;
  id: string;
  route_table_id: string;
  vpc_id: string;
  subnet_id: string | null;
  gateway_id: string | null;
  is_main: number;
}

export interface InternetGatewayRow {
  seq: number;
  id: string;
  account: string;
  region: string;
  vpc_id: string | null;
}

export interface TagRow {
  seq: number;
  resource_id: string;
  key: string;
  value: string;
  account: string;
  region: string;
  resource_type: string;
}

export interface InstanceRow {
  seq: number;
  id: string;
  account: string;
  region: string;
  reservation_id: string;
  requester_id: string | null;
  image_id: string;
  instance_type: string;
  availability_zone: string;
  vpc_id: string;
  subnet_id: string;
  state: string;
  state_transition_reason: string;
  state_reason_code: string | null;
  state_reason_message: string | null;
  launch_time: number;
  ami_launch_index: number;
  key_name: string | null;
  user_data: string | null;
  client_token: string;
  disable_api_termination: number;
  disable_api_stop: number;
  shutdown_behavior: string;
  ebs_optimized: number;
  monitoring: string;
  tenancy: string;
  architecture: string;
  platform: string | null;
  root_device_name: string;
  http_tokens: string;
  http_endpoint: string;
  http_put_response_hop_limit: number;
  http_protocol_ipv6: string;
  instance_metadata_tags: string;
  auto_public_ip: number;
  node_host: string;
  terminated_at: number | null;
}

export interface NetworkInterfaceRow {
  seq: number;
  id: string;
  account: string;
  region: string;
  subnet_id: string;
  vpc_id: string;
  availability_zone: string;
  description: string;
  mac_address: string;
  interface_type: string;
  source_dest_check: number;
  requester_managed: number;
  requester_id: string | null;
  private_ip: string;
  created_at: number;
  /** The `ela-attach-` attachment of a requester-managed interface to its service (schema 009). */
  service_attachment_id: string | null;
  service_attach_time: number | null;
}

export interface PrivateIpRow {
  subnet_id: string;
  ip_int: number;
  ip: string;
  network_interface_id: string;
  is_primary: number;
  account: string;
  region: string;
}

export interface AttachmentRow {
  seq: number;
  id: string;
  network_interface_id: string;
  instance_id: string;
  account: string;
  region: string;
  device_index: number;
  network_card_index: number;
  status: string;
  attach_time: number;
  delete_on_termination: number;
}

export interface AddressRow {
  seq: number;
  public_ip: string;
  public_ip_int: number;
  allocation_id: string | null;
  account: string;
  region: string;
  domain: string;
  association_id: string | null;
  network_interface_id: string | null;
  private_ip: string | null;
}

export interface KeyPairRow {
  seq: number;
  id: string;
  account: string;
  region: string;
  name: string;
  fingerprint: string;
  key_type: string;
  public_key: string | null;
  created_at: number;
}

export interface TransitionRow {
  seq: number;
  account: string;
  region: string;
  kind: 'instance' | 'attachment' | 'nat-gateway';
  resource_id: string;
  from_state: string;
  to_state: string;
  due_at: number;
}

export interface NetworkInterfacePermissionRow {
  seq: number;
  id: string;
  account: string;
  region: string;
  network_interface_id: string;
  aws_account_id: string | null;
  aws_service: string | null;
  permission: string;
  state: string;
}

export interface NatGatewayRow {
  seq: number;
  id: string;
  account: string;
  region: string;
  vpc_id: string;
  subnet_id: string;
  connectivity_type: string;
  state: string;
  network_interface_id: string | null;
  private_ip: string | null;
  allocation_id: string | null;
  public_ip: string | null;
  association_id: string | null;
  failure_code: string | null;
  failure_message: string | null;
  created_at: number;
  deleted_at: number | null;
}

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
  is_default: number;
}

export interface DhcpOptionValueRow {
  seq: number;
  dhcp_options_id: string;
  key: string;
  value: string;
}

export interface NetworkAclRow {
  seq: number;
  id: string;
  account: string;
  region: string;
  vpc_id: string;
  is_default: number;
}

export interface NetworkAclEntryRow {
  seq: number;
  network_acl_id: string;
  egress: number;
  rule_number: number;
  protocol: string;
  rule_action: string;
  cidr_ipv4: string | null;
  cidr_ipv6: string | null;
  icmp_type: number | null;
  icmp_code: number | null;
  port_from: number | null;
  port_to: number | null;
}

export interface NetworkAclAssociationRow {
  seq: number;
  id: string;
  network_acl_id: string;
  subnet_id: string;
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
  ipv6_cidr: string | null;
  ipv6_association_id: string | null;
  ipv6_native: number;
  assign_ipv6_on_creation: number;
  enable_dns64: number;
  hostname_type: string;
  dns_a_record: number;
  dns_aaaa_record: number;
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
  /** Schema 013; optional so the routes written without a peering need not name it. */
  vpc_peering_connection_id?: string | null;
  origin: string;
  state: string;
  /** Through a transit gateway (schema 013); absent on routes written before it. */
  transit_gateway_id?: string | null;
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

export interface FlowLogRow {
  seq: number;
  id: string;
  account: string;
  region: string;
  resource_id: string;
  resource_type: string;
  traffic_type: string;
  log_destination_type: string;
  log_destination: string | null;
  log_group_name: string | null;
  deliver_logs_permission_arn: string | null;
  deliver_cross_account_role: string | null;
  log_format: string;
  max_aggregation_interval: number;
  destination_options: string | null;
  created_at: number;
}

export interface IamProfileAssociationRow {
  seq: number;
  id: string;
  account: string;
  region: string;
  instance_id: string;
  profile_arn: string;
  profile_id: string;
  state: string;
  created_at: number;
}

export interface TagRow {
  seq: number;
  resource_id: string;
  key: string;
  value: string;
  /** The value reversed (schema 027), for filters that start with `*`. */
  value_reversed: string;
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
  root_device_type: string;
  http_tokens: string;
  http_endpoint: string;
  http_put_response_hop_limit: number;
  http_protocol_ipv6: string;
  instance_metadata_tags: string;
  auto_public_ip: number;
  node_host: string;
  terminated_at: number | null;
  /** `spot` for Spot Instances (schema 013); null for on-demand. */
  instance_lifecycle?: string | null;
  spot_instance_request_id?: string | null;
  fleet_id?: string | null;
  fleet_weight?: number | null;
  /** schema 013: the credit option asked for (NULL: the type's default). */
  cpu_credits: string | null;
  /** CPU options set at launch or by ModifyInstanceCpuOptions (null: the type's defaults). */
  core_count: number | null;
  threads_per_core: number | null;
  amd_sev_snp: string | null;
  /** PrivateDnsNameOptions (schema 034). */
  hostname_type: string;
  dns_a_record: number;
  dns_aaaa_record: number;
  /** MaintenanceOptions.AutoRecovery: default | disabled. */
  auto_recovery: string;
  /** CapacityReservationSpecification as JSON (null: preference open). */
  capacity_reservation: string | null;
  /** The Capacity Reservation the instance runs in (schema 036). */
  capacity_reservation_id: string | null;
  hibernation_configured: number;
  placement_group_id: string | null;
  partition_number: number | null;
  host_id: string | null;
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
  /** The `ela-attach-` attachment of a requester-managed interface to its service (schema 012). */
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
  /** The reverse DNS record in force (with its trailing dot), if any. */
  ptr_record: string | null;
  /** The record a PENDING change will set ('' = none); NULL when no change is in progress. */
  ptr_update: string | null;
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
  kind: 'instance' | 'instance-monitoring' | 'tgw-prefix-list-reference' | 'capacity-reservation' | 'instance-connect-endpoint' | 'vpc-block-public-access' | 'attachment' | 'iam-association' | 'address-ptr' | 'volume' | 'volume-attachment' | 'volume-modification' | 'snapshot' | 'nat-gateway' | 'image' | 'vpc-peering' | 'vpn-gateway' | 'vpn-attachment' | 'customer-gateway' | 'vpn-connection' | 'fleet' | 'spot-request' | 'spot-fleet' | 'spot-fleet-expiry' | 'transit-gateway' | 'prefix-list' | 'vpc-endpoint' | 'carrier-gateway' | 'vpc-endpoint-service';
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

export interface LaunchTemplateRow {
  seq: number;
  id: string;
  account: string;
  region: string;
  name: string;
  default_version: number;
  last_number: number;
  created_by: string;
  created_at: number;
  /** Joined by the list query: the highest version number that still exists. */
  latest_version?: number;
}

export interface LaunchTemplateVersionRow {
  seq: number;
  /** `<template id>:<number>` */
  id: string;
  account: string;
  region: string;
  template_id: string;
  number: number;
  description: string | null;
  /** RequestLaunchTemplateData as JSON. */
  data: string;
  created_by: string;
  created_at: number;
  /** Joined by the list query. */
  template_name?: string;
  default_version?: number;
}

/** A VPC CIDR block beyond the primary: a secondary IPv4 block or the IPv6 /56 (schema 010). */
export interface VpcCidrBlockRow {
  seq: number;
  id: string;
  vpc_id: string;
  account: string;
  region: string;
  family: 4 | 6;
  cidr: string;
  cidr_base: number | null;
  cidr_size: number | null;
  pool_index: number | null;
  ipv6_pool: string | null;
  network_border_group: string | null;
}

export interface EgressOnlyInternetGatewayRow {
  seq: number;
  id: string;
  account: string;
  region: string;
  vpc_id: string;
}

export interface Ipv6AddressRow {
  subnet_id: string;
  address: string;
  network_interface_id: string;
  is_primary: number;
  account: string;
  region: string;
  seq: number;
}

export interface VolumeRow {
  seq: number;
  id: string;
  account: string;
  region: string;
  availability_zone: string;
  size: number;
  snapshot_id: string;
  volume_type: string;
  iops: number | null;
  throughput: number | null;
  encrypted: number;
  kms_key_id: string | null;
  multi_attach: number;
  auto_enable_io: number;
  state: string;
  created_at: number;
}

export interface VolumeAttachmentRow {
  seq: number;
  volume_id: string;
  instance_id: string;
  account: string;
  region: string;
  device: string;
  status: string;
  attach_time: number;
  delete_on_termination: number;
}

/** An account-owned image (schema 013); the catalog's images are not rows. */
export interface ImageRow {
  seq: number;
  id: string;
  account: string;
  region: string;
  name: string;
  description: string | null;
  state: string;
  architecture: string;
  virtualization_type: string;
  hypervisor: string;
  ena_support: number | null;
  sriov_net_support: string | null;
  boot_mode: string | null;
  tpm_support: string | null;
  imds_support: string | null;
  platform: string | null;
  kernel_id: string | null;
  ramdisk_id: string | null;
  root_device_name: string;
  root_device_type: string;
  image_location: string;
  source_instance_id: string | null;
  source_image_id: string | null;
  source_region: string | null;
  /** JSON array of BlockDeviceMapping. */
  block_devices: string;
  deregistration_protection: number;
  /** Schema 035: protection enabled WithCooldown; protected until (ms) after a disable with the cooldown; deprecation time (ms). */
  deregistration_cooldown: number;
  protected_until: number | null;
  deprecation_time: number | null;
  created_at: number;
}

export interface SnapshotRow {
  seq: number;
  id: string;
  account: string;
  region: string;
  volume_id: string;
  volume_size: number;
  description: string;
  encrypted: number;
  kms_key_id: string | null;
  state: string;
  started_at: number;
  completed_at: number | null;
  owner_alias: string | null;
  /** standard | archive (schema 028). */
  storage_tier: string;
  /** The last archive or restore operation's status (AWS's LastTieringOperationStatus); null before any. */
  tiering_status: string | null;
  tiering_started_at: number | null;
  archived_at: number | null;
  /** A temporary restore's days, and when it ends. */
  restore_days: number | null;
  restore_expires_at: number | null;
}

export interface VolumeModificationRow {
  seq: number;
  /** The volume's id (one row per volume: its latest modification). */
  id: string;
  account: string;
  region: string;
  state: string;
  original_size: number;
  original_type: string;
  original_iops: number | null;
  original_throughput: number | null;
  original_multi_attach: number;
  target_size: number;
  target_type: string;
  target_iops: number | null;
  target_throughput: number | null;
  target_multi_attach: number;
  progress: number;
  started_at: number;
  ended_at: number | null;
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

/** A VPC peering connection (schema 014) as one scope sees it: `seq` is that scope's side row. */
export interface VpcPeeringRow {
  seq: number;
  id: string;
  /** The requester's scope. */
  account: string;
  region: string;
  requester_vpc_id: string;
  requester_cidr: string;
  accepter_account: string;
  accepter_region: string;
  accepter_vpc_id: string;
  accepter_cidr: string | null;
  status_code: string;
  status_message: string;
  requester_allow_dns: number;
  accepter_allow_dns: number;
  expiration_time: number | null;
  created_at: number;
  ended_at: number | null;
}

/** Virtual private gateways (schema 013). */
export interface VpnGatewayRow {
  seq: number;
  id: string;
  account: string;
  region: string;
  type: string;
  amazon_side_asn: number;
  availability_zone: string | null;
  state: string;
  vpc_id: string | null;
  attachment_state: string | null;
  created_at: number;
  deleted_at: number | null;
}

export interface CarrierGatewayRow {
  seq: number;
  id: string;
  account: string;
  region: string;
  vpc_id: string;
  /** pending | available | deleting | deleted */
  state: string;
  created_at: number;
  deleted_at: number | null;
}

export interface CustomerGatewayRow {
  seq: number;
  id: string;
  account: string;
  region: string;
  type: string;
  bgp_asn: number;
  ip_address: string | null;
  certificate_arn: string | null;
  device_name: string | null;
  state: string;
  deleted_at: number | null;
}

export interface VpnConnectionRow {
  seq: number;
  id: string;
  account: string;
  region: string;
  type: string;
  customer_gateway_id: string;
  vpn_gateway_id: string | null;
  transit_gateway_id: string | null;
  static_routes_only: number;
  options: string;
  tunnel_ips: string;
  state: string;
  created_at: number;
  deleted_at: number | null;
}

export interface VpnConnectionRouteRow {
  seq: number;
  vpn_connection_id: string;
  destination_cidr: string;
  state: string;
}

/** A static route a VGW propagates into a route table: the connection's route, seen through the propagation. */
export interface PropagatedRouteRow {
  route_table_id: string;
  vpn_gateway_id: string;
  destination_cidr: string;
}

/** Traffic mirroring (schema 013). */
export interface TrafficMirrorTargetRow {
  seq: number;
  id: string;
  account: string;
  region: string;
  type: string;
  network_interface_id: string | null;
  network_load_balancer_arn: string | null;
  gateway_load_balancer_endpoint_id: string | null;
  description: string | null;
}

export interface TrafficMirrorFilterRow {
  seq: number;
  id: string;
  account: string;
  region: string;
  description: string | null;
}

export interface TrafficMirrorFilterRuleRow {
  seq: number;
  id: string;
  account: string;
  region: string;
  filter_id: string;
  direction: string;
  rule_number: number;
  action: string;
  protocol: number | null;
  destination_from_port: number | null;
  destination_to_port: number | null;
  source_from_port: number | null;
  source_to_port: number | null;
  destination_cidr: string;
  source_cidr: string;
  description: string | null;
}

export interface TrafficMirrorSessionRow {
  seq: number;
  id: string;
  account: string;
  region: string;
  network_interface_id: string;
  target_id: string;
  filter_id: string;
  packet_length: number | null;
  session_number: number;
  virtual_network_id: number;
  description: string | null;
}

/** EC2 Fleets (schema 013). */
export interface FleetRow {
  seq: number;
  id: string;
  account: string;
  region: string;
  type: string;
  state: string;
  activity_status: string | null;
  /** The CreateFleet request as given (JSON): LaunchTemplateConfigs, SpotOptions, OnDemandOptions, … */
  request: string;
  total_target_capacity: number;
  on_demand_target_capacity: number | null;
  spot_target_capacity: number | null;
  default_target_capacity_type: string;
  fulfilled_capacity: number;
  fulfilled_on_demand_capacity: number;
  excess_capacity_termination_policy: string | null;
  client_token: string | null;
  launch_result: string | null;
  created_at: number;
  deleted_at: number | null;
}

export interface FleetEventRow {
  seq: number;
  fleet_id: string;
  at: number;
  event_type: string;
  event_subtype: string | null;
  instance_id: string | null;
  description: string | null;
}

/** Spot Fleet requests (schema 023). */
export interface SpotFleetRow {
  seq: number;
  id: string;
  account: string;
  region: string;
  type: string;
  state: string;
  activity_status: string | null;
  /** The SpotFleetRequestConfig as given (JSON). */
  config: string;
  target_capacity: number;
  on_demand_target_capacity: number;
  fulfilled_capacity: number;
  on_demand_fulfilled_capacity: number;
  excess_capacity_termination_policy: string;
  client_token: string | null;
  /** The configuration as RequestSpotFleet was given it (schema 025): the ClientToken's fingerprint, kept by Modify. */
  request_fingerprint: string | null;
  created_at: number;
  cancelled_at: number | null;
}

/** Spot Instance requests (schema 013). */
export interface SpotRequestRow {
  seq: number;
  id: string;
  account: string;
  region: string;
  type: string;
  state: string;
  status_code: string;
  status_message: string;
  status_update_time: number;
  spot_price: string;
  launch_specification: string;
  instance_id: string | null;
  launched_availability_zone: string | null;
  interruption_behavior: string;
  valid_from: number | null;
  valid_until: number | null;
  launch_group: string | null;
  availability_zone_group: string | null;
  client_token: string | null;
  created_at: number;
}

/** Transit gateways (schema 013). */
export interface TransitGatewayRow {
  seq: number;
  id: string;
  account: string;
  region: string;
  description: string | null;
  state: string;
  amazon_side_asn: number;
  auto_accept_shared_attachments: string;
  default_route_table_association: string;
  association_default_route_table_id: string | null;
  default_route_table_propagation: string;
  propagation_default_route_table_id: string | null;
  vpn_ecmp_support: string;
  dns_support: string;
  security_group_referencing_support: string;
  multicast_support: string;
  cidr_blocks: string;
  created_at: number;
  deleted_at: number | null;
}

export interface TransitGatewayRouteTableRow {
  seq: number;
  id: string;
  account: string;
  region: string;
  transit_gateway_id: string;
  state: string;
  created_at: number;
  deleted_at: number | null;
}

export interface TransitGatewayAttachmentRow {
  seq: number;
  id: string;
  account: string;
  region: string;
  transit_gateway_id: string;
  transit_gateway_owner_id: string;
  resource_type: string;
  resource_id: string;
  resource_owner_id: string;
  state: string;
  dns_support: string;
  ipv6_support: string;
  appliance_mode_support: string;
  security_group_referencing_support: string;
  created_at: number;
  deleted_at: number | null;
  /** Peering attachments only (schema 022): this side's role, the other side's scope and id, options, status. */
  peering_role?: 'requester' | 'accepter' | null;
  peer_account?: string | null;
  peer_region?: string | null;
  peer_attachment_id?: string | null;
  dynamic_routing?: string | null;
  status_message?: string | null;
}

export interface TransitGatewayAttachmentSubnetRow {
  attachment_id: string;
  subnet_id: string;
  network_interface_id: string | null;
}

/** An association or a propagation: `id` is the attachment's. */
export interface TransitGatewayLinkRow {
  seq: number;
  id: string;
  account: string;
  region: string;
  route_table_id: string;
  state: string;
}

/** A route table's reference to a managed prefix list (schema 033); `id` is `<route table id>_<prefix list id>`. */
export interface TgwPrefixListReferenceRow {
  seq: number;
  id: string;
  account: string;
  region: string;
  route_table_id: string;
  prefix_list_id: string;
  prefix_list_owner_id: string;
  attachment_id: string | null;
  blackhole: number;
  state: string;
}

export interface TransitGatewayRouteRow {
  seq: number;
  route_table_id: string;
  destination_cidr: string;
  attachment_id: string | null;
  blackhole: number;
}

/** Dedicated hosts (schema 013). */
export interface HostRow {
  seq: number;
  id: string;
  account: string;
  region: string;
  availability_zone: string;
  instance_type: string | null;
  instance_family: string | null;
  auto_placement: string;
  host_recovery: string;
  host_maintenance: string;
  total_vcpus: number;
  state: string;
  client_token: string | null;
  allocated_at: number;
  released_at: number | null;
}

/** Placement groups (schema 013). */
export interface PlacementGroupRow {
  seq: number;
  id: string;
  account: string;
  region: string;
  name: string;
  strategy: string;
  spread_level: string | null;
  partition_count: number | null;
  state: string;
  created_at: number;
}

/** A managed prefix list (schema 013); account 'AWS' for the region's AWS-managed lists. */
export interface PrefixListRow {
  seq: number;
  id: string;
  account: string;
  region: string;
  name: string;
  address_family: string;
  max_entries: number;
  version: number;
  state: string;
  created_at: number;
}

export interface PrefixListEntryRow {
  prefix_list_id: string;
  version: number;
  cidr: string;
  description: string | null;
}

/** A VPC endpoint (schema 013). */
export interface VpcEndpointRow {
  seq: number;
  id: string;
  account: string;
  region: string;
  vpc_id: string;
  service_name: string;
  endpoint_type: string;
  state: string;
  policy_document: string | null;
  private_dns_enabled: number;
  ip_address_type: string;
  created_at: number;
  deleted_at: number | null;
}

/** One of an endpoint's route tables, subnets (with its interface there) or security groups. */
export interface VpcEndpointLinkRow {
  endpoint_id: string;
  kind: 'route-table' | 'subnet' | 'security-group';
  ref_id: string;
  network_interface_id: string | null;
  seq: number;
}

/** A VPC endpoint service configuration (schema 021). */
export interface VpcEndpointServiceRow {
  seq: number;
  id: string;
  account: string;
  region: string;
  name: string;
  service_type: string;
  state: string;
  acceptance_required: number;
  /** JSON array */
  load_balancer_arns: string;
  /** JSON array */
  ip_address_types: string;
  private_dns_name: string | null;
  private_dns_state: string | null;
  private_dns_record_name: string | null;
  private_dns_record_value: string | null;
  created_at: number;
}

/** A principal allowed to connect to a service (schema 021). */
export interface VpcEndpointServicePermissionRow {
  seq: number;
  id: string;
  account: string;
  region: string;
  service_id: string;
  principal: string;
  principal_type: string;
}

/** An endpoint connected to a service, in the owner's scope, with the endpoint's state and type (schema 021). */
export interface VpcEndpointConnectionRow {
  seq: number;
  id: string;
  account: string;
  region: string;
  service_id: string;
  endpoint_id: string;
  endpoint_owner: string;
  created_at: number;
  /** From the endpoint (joined). */
  endpoint_state: string;
  endpoint_region: string;
  ip_address_type: string;
}

/** A connection notification (schema 021). */
export interface VpcEndpointConnectionNotificationRow {
  seq: number;
  id: string;
  account: string;
  region: string;
  service_id: string | null;
  endpoint_id: string | null;
  topic_arn: string;
  /** JSON array */
  events: string;
  state: string;
  created_at: number;
}

/** An interface's IPv4 /28 prefix (schema 013). */
export interface Ipv4PrefixRow {
  subnet_id: string;
  base_int: number;
  prefix: string;
  network_interface_id: string;
  account: string;
  region: string;
}

/** An interface's IPv6 /80 prefix (schema 013). */
export interface Ipv6PrefixRow {
  subnet_id: string;
  prefix: string;
  network_interface_id: string;
  account: string;
  region: string;
  seq: number;
}

/** A subnet CIDR reservation (schema 013). */
export interface SubnetCidrReservationRow {
  seq: number;
  id: string;
  subnet_id: string;
  account: string;
  region: string;
  family: number;
  cidr: string;
  cidr_base: number | null;
  cidr_size: number | null;
  reservation_type: string;
  description: string | null;
}

/** An On-Demand Capacity Reservation (schema 036); times in ms. */
export interface CapacityReservationRow {
  seq: number;
  id: string;
  account: string;
  region: string;
  instance_type: string;
  instance_platform: string;
  availability_zone: string;
  tenancy: string;
  total_instance_count: number;
  ebs_optimized: number;
  ephemeral_storage: number;
  state: string;
  start_date: number;
  end_date: number | null;
  end_date_type: string;
  instance_match_criteria: string;
  placement_group_arn: string | null;
  created_at: number;
}

/** An EC2 Instance Connect Endpoint (schema 037); security_group_ids as a JSON array. */
export interface InstanceConnectEndpointRow {
  seq: number;
  id: string;
  account: string;
  region: string;
  vpc_id: string;
  subnet_id: string;
  availability_zone: string;
  network_interface_id: string | null;
  preserve_client_ip: number;
  security_group_ids: string;
  ip_address_type: string;
  dns_token: string;
  state: string;
  created_at: number;
}

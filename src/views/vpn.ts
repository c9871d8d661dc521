/** VPN gateways, customer gateways and VPN connections as the API shows them (docs/behavior.md "VPN gateways and connections"). */
import type { LoadContext, ScopedLoadContext } from './context';
import type {
  CustomerGateway,
  Tag,
  TunnelOption,
  VpnConnection,
  VpnConnectionOptions,
  VpnConnectionOptionsSpecification,
  VpnGateway,
  VpnState,
} from '../protocol/model/types.generated';
import type { CustomerGatewayRow, VpnConnectionRouteRow, VpnConnectionRow, VpnGatewayRow } from '../store/rows';
import type { StoredTunnel } from '../domain/vpn';

const tagsOrNone = (tags: Tag[] | undefined) => (tags && tags.length > 0 ? tags : []);

function presentVpnGateway(g: VpnGatewayRow, tags: Tag[]): VpnGateway {
  return {
    AmazonSideAsn: g.amazon_side_asn,
    Tags: tags,
    VpnGatewayId: g.id,
    State: g.state as VpnState,
    Type: g.type as 'ipsec.1',
    AvailabilityZone: g.availability_zone ?? undefined,
    // AWS keeps showing the last attachment, `detached` once detached
    VpcAttachments: g.vpc_id && g.attachment_state ? [{ VpcId: g.vpc_id, State: g.attachment_state as 'attached' }] : [],
  };
}

export function presentVpnGateways(ctx: LoadContext, rows: readonly VpnGatewayRow[]): VpnGateway[] {
  const tags = ctx.store.tags.forResources(ctx.scope, rows.map((r) => r.id));
  return rows.map((r) => presentVpnGateway(r, tagsOrNone(tags.get(r.id))));
}

function presentCustomerGateway(c: CustomerGatewayRow, tags: Tag[]): CustomerGateway {
  return {
    CertificateArn: c.certificate_arn ?? undefined,
    DeviceName: c.device_name ?? undefined,
    Tags: tags,
    BgpAsnExtended: c.bgp_asn > 2147483647 ? String(c.bgp_asn) : undefined,
    CustomerGatewayId: c.id,
    State: c.state,
    Type: c.type,
    IpAddress: c.ip_address ?? undefined,
    BgpAsn: String(c.bgp_asn),
  };
}

export function presentCustomerGateways(ctx: LoadContext, rows: readonly CustomerGatewayRow[]): CustomerGateway[] {
  const tags = ctx.store.tags.forResources(ctx.scope, rows.map((r) => r.id));
  return rows.map((r) => presentCustomerGateway(r, tagsOrNone(tags.get(r.id))));
}

/** The per-tunnel options AWS echoes: what was asked, the outside address and the inside CIDR it settled on. */
function tunnelOptions(spec: VpnConnectionOptionsSpecification, tunnels: StoredTunnel[]): TunnelOption[] {
  return tunnels.map((t, i) => {
    const asked = spec.TunnelOptions?.[i] ?? {};
    return {
      OutsideIpAddress: t.outsideIp,
      TunnelInsideCidr: t.insideCidr,
      PreSharedKey: t.preSharedKey,
      Phase1LifetimeSeconds: asked.Phase1LifetimeSeconds,
      Phase2LifetimeSeconds: asked.Phase2LifetimeSeconds,
      RekeyMarginTimeSeconds: asked.RekeyMarginTimeSeconds,
      RekeyFuzzPercentage: asked.RekeyFuzzPercentage,
      ReplayWindowSize: asked.ReplayWindowSize,
      DpdTimeoutSeconds: asked.DPDTimeoutSeconds,
      DpdTimeoutAction: asked.DPDTimeoutAction,
      Phase1EncryptionAlgorithms: asked.Phase1EncryptionAlgorithms,
      Phase2EncryptionAlgorithms: asked.Phase2EncryptionAlgorithms,
      Phase1IntegrityAlgorithms: asked.Phase1IntegrityAlgorithms,
      Phase2IntegrityAlgorithms: asked.Phase2IntegrityAlgorithms,
      Phase1DHGroupNumbers: asked.Phase1DHGroupNumbers,
      Phase2DHGroupNumbers: asked.Phase2DHGroupNumbers,
      IkeVersions: asked.IKEVersions,
      StartupAction: asked.StartupAction,
      EnableTunnelLifecycleControl: asked.EnableTunnelLifecycleControl,
    };
  });
}

function connectionOptions(spec: VpnConnectionOptionsSpecification, v: VpnConnectionRow, tunnels: StoredTunnel[]): VpnConnectionOptions {
  return {
    EnableAcceleration: spec.EnableAcceleration ?? false,
    StaticRoutesOnly: v.static_routes_only === 1,
    LocalIpv4NetworkCidr: spec.LocalIpv4NetworkCidr ?? '0.0.0.0/0',
    RemoteIpv4NetworkCidr: spec.RemoteIpv4NetworkCidr ?? '0.0.0.0/0',
    OutsideIpAddressType: spec.OutsideIpAddressType ?? 'PublicIpv4',
    TunnelInsideIpVersion: spec.TunnelInsideIpVersion ?? 'ipv4',
    TunnelOptions: tunnelOptions(spec, tunnels),
  };
}

/**
 * A stub of the configuration AWS gives for the customer's device: the ids, both tunnels' addresses and keys and
 * the two ASNs, in AWS's generic <vpn_connection> layout (the device-specific templates are not reproduced).
 */
function customerGatewayConfiguration(v: VpnConnectionRow, cgw: CustomerGatewayRow | undefined, vgw: VpnGatewayRow | undefined, tunnels: StoredTunnel[]): string {
  const tunnel = (t: StoredTunnel) => {
    const [base] = t.insideCidr.split('/');
    const parts = base.split('.').map(Number);
    const vgwInside = `${parts[0]}.${parts[1]}.${parts[2]}.${parts[3] + 1}`;
    const cgwInside = `${parts[0]}.${parts[1]}.${parts[2]}.${parts[3] + 2}`;
    return (
      '  <ipsec_tunnel>\n' +
      `    <customer_gateway><tunnel_outside_address><ip_address>${cgw?.ip_address ?? ''}</ip_address></tunnel_outside_address>` +
      `<tunnel_inside_address><ip_address>${cgwInside}</ip_address><network_mask>255.255.255.252</network_mask><network_cidr>30</network_cidr></tunnel_inside_address>` +
      `<bgp><asn>${cgw?.bgp_asn ?? ''}</asn><hold_time>30</hold_time></bgp></customer_gateway>\n` +
      `    <vpn_gateway><tunnel_outside_address><ip_address>${t.outsideIp}</ip_address></tunnel_outside_address>` +
      `<tunnel_inside_address><ip_address>${vgwInside}</ip_address><network_mask>255.255.255.252</network_mask><network_cidr>30</network_cidr></tunnel_inside_address>` +
      `<bgp><asn>${vgw?.amazon_side_asn ?? ''}</asn><hold_time>30</hold_time></bgp></vpn_gateway>\n` +
      `    <ike><authentication_protocol>sha1</authentication_protocol><encryption_protocol>aes-128-cbc</encryption_protocol><lifetime>28800</lifetime><perfect_forward_secrecy>group2</perfect_forward_secrecy><mode>main</mode><pre_shared_key>${t.preSharedKey}</pre_shared_key></ike>\n` +
      '  </ipsec_tunnel>\n'
    );
  };
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<vpn_connection id="${v.id}">\n` +
    `  <customer_gateway_id>${v.customer_gateway_id}</customer_gateway_id>\n` +
    `  <vpn_gateway_id>${v.vpn_gateway_id ?? ''}</vpn_gateway_id>\n` +
    `  <vpn_connection_type>${v.type}</vpn_connection_type>\n` +
    tunnels.map(tunnel).join('') +
    '</vpn_connection>'
  );
}

function presentVpnConnection(
  v: VpnConnectionRow,
  routes: VpnConnectionRouteRow[],
  tags: Tag[],
  cgw: CustomerGatewayRow | undefined,
  vgw: VpnGatewayRow | undefined,
): VpnConnection {
  const spec = JSON.parse(v.options) as VpnConnectionOptionsSpecification;
  const tunnels = JSON.parse(v.tunnel_ips) as StoredTunnel[];
  const live = v.state === 'pending' || v.state === 'available';
  return {
    Category: 'VPN',
    Options: connectionOptions(spec, v, tunnels),
    Routes: routes.map((r) => ({ DestinationCidrBlock: r.destination_cidr, Source: 'Static', State: (v.state === 'deleted' ? 'deleted' : r.state) as VpnState })),
    Tags: tags,
    // the tunnels never come up: nothing answers on the customer's side
    VgwTelemetry: tunnels.map((t) => ({
      AcceptedRouteCount: 0,
      LastStatusChange: new Date(v.created_at),
      OutsideIpAddress: t.outsideIp,
      Status: 'DOWN',
      StatusMessage: '',
    })),
    VpnConnectionId: v.id,
    State: v.state as VpnState,
    // AWS leaves the configuration out once the connection is being deleted
    CustomerGatewayConfiguration: live ? customerGatewayConfiguration(v, cgw, vgw, tunnels) : undefined,
    Type: v.type as 'ipsec.1',
    CustomerGatewayId: v.customer_gateway_id,
    VpnGatewayId: v.vpn_gateway_id ?? undefined,
    TransitGatewayId: v.transit_gateway_id ?? undefined,
  };
}

/** Connections with their routes, tags and both gateways (one query each). */
export function presentVpnConnections(ctx: ScopedLoadContext, rows: readonly VpnConnectionRow[]): VpnConnection[] {
  const ids = rows.map((r) => r.id);
  const tags = ctx.store.tags.forResources(ctx.scope, ids);
  const routes = ctx.store.vpnConnections.routesOf(ids);
  const cgws = ctx.store.customerGateways.getMany(ctx.scope, [...new Set(rows.map((r) => r.customer_gateway_id))]);
  const vgws = ctx.store.vpnGateways.getMany(ctx.scope, [...new Set(rows.map((r) => r.vpn_gateway_id).filter((x): x is string => x !== null))]);
  return rows.map((r) =>
    presentVpnConnection(r, routes.get(r.id) ?? [], tagsOrNone(tags.get(r.id)), cgws.get(r.customer_gateway_id), r.vpn_gateway_id ? vgws.get(r.vpn_gateway_id) : undefined),
  );
}

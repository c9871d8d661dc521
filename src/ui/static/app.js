// ec2lite topology view: polls ./state, redraws when its version changes. Plain DOM, no dependencies; every value
// from the server goes in through textContent, never as HTML.
'use strict';

const params = new URLSearchParams(location.search);
const POLL_MS = Math.max(100, Number(params.get('poll')) || 1000);
let scope = { account: params.get('account') || '', region: params.get('region') || '' };
let version = '';
let topology = null;

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k.startsWith('data-')) el.setAttribute(k, String(v));
    else el[k] = v;
  }
  for (const c of children.flat()) if (c !== undefined && c !== null && c !== false) el.append(c instanceof Node ? c : String(c));
  return el;
}

const badge = (text, cls) => h('span', { class: `badge ${cls || ''}` }, text);
const searchText = (...parts) => parts.flat().filter((p) => p !== undefined && p !== null).join(' ').toLowerCase();
const tagText = (tags) => Object.entries(tags || {}).map(([k, v]) => `${k}=${v}`);

function eniBox(n, home) {
  const card = n.networkCardIndex ? ` card ${n.networkCardIndex}` : '';
  const label = n.deviceIndex === undefined ? 'available' : `eth${n.deviceIndex}${card}`;
  return h(
    'div',
    {
      class: `eni ${n.attachmentStatus || ''}`,
      'data-eni-id': n.id,
      'data-device-index': n.deviceIndex,
      'data-search': searchText(n.id, n.mac, n.privateIps, n.publicIp, n.allocationId, n.ipv6, tagText(n.tags)),
    },
    h('div', {}, h('span', { class: 'idx' }, label), ' ', n.id, ' ', n.attachmentStatus ? badge(n.attachmentStatus, `att-${n.attachmentStatus}`) : badge(n.status || '')),
    h('div', {}, n.privateIps.join(', ')),
    home && n.subnetId !== home ? h('div', { class: 'muted' }, `in ${n.subnetId}`) : null,
    n.publicIp ? h('div', {}, `public ${n.publicIp}`, n.allocationId ? ` (EIP ${n.allocationId})` : '') : null,
    n.ipv6.length ? h('div', {}, `IPv6 ${n.ipv6.join(', ')}`) : null,
    n.prefixes.length ? h('div', {}, `prefixes ${n.prefixes.join(', ')}`) : null,
    h('div', { class: 'muted' }, n.mac, n.groups.length ? ` · ${n.groups.join(', ')}` : ''),
    n.deleteOnTermination !== undefined ? h('div', { class: 'muted' }, n.deleteOnTermination ? 'delete on termination' : 'kept on termination') : null,
    n.requesterManaged ? h('div', { class: 'muted' }, `requester-managed ${n.interfaceType || ''}`) : null,
    n.name ? h('div', { class: 'muted' }, `Name: ${n.name}`) : null,
  );
}

function instanceBox(i) {
  const used = i.interfaces.length;
  return h(
    'div',
    { class: 'instance', 'data-instance-id': i.id, 'data-search': searchText(i.id, i.type, tagText(i.tags)) },
    h(
      'h4',
      {},
      i.name ? `${i.name} ` : '',
      i.id,
      badge(i.state, `state-${i.state}`),
      badge(i.type),
      badge(`ENIs ${used}/${i.eniLimit}`),
      h('a', { class: 'imds', href: `../imds/${encodeURIComponent(i.id)}/latest/meta-data/`, target: '_blank', rel: 'noopener' }, 'IMDS'),
    ),
    h('div', { class: 'enis' }, i.interfaces.map((n) => eniBox(n, i.subnetId))),
  );
}

function routeRow(r) {
  return h(
    'div',
    { class: 'route', 'data-route-target': r.target, 'data-route-state': r.state },
    h('span', {}, r.destination || '?'),
    '→',
    h('span', {}, r.target || '?'),
    badge(r.state, `route-${r.state}`),
  );
}

function vpcBox(v) {
  return h(
    'div',
    { class: 'vpc', 'data-vpc-id': v.id, 'data-search': searchText(v.id, v.cidr, v.name) },
    h('h2', {}, v.name ? `${v.name} ` : '', `${v.id} ${v.cidr || ''}`, v.isDefault ? ' (default)' : ''),
    h(
      'div',
      { class: 'subnets' },
      v.subnets.map((s) =>
        h(
          'div',
          { class: 'subnet', 'data-subnet-id': s.id, 'data-search': searchText(s.id, s.cidr, s.name) },
          h('h3', {}, s.name ? `${s.name} ` : '', `${s.id} ${s.cidr} · ${s.zone} · ${s.free} free`),
          s.instances.map(instanceBox),
          s.interfaces.length ? h('div', { class: 'enis' }, s.interfaces.map((n) => eniBox(n))) : null,
        ),
      ),
    ),
    h(
      'div',
      { class: 'routes' },
      v.routeTables.map((t) =>
        h('div', { 'data-route-table-id': t.id }, h('h3', {}, `${t.id}${t.main ? ' (main)' : ''}${t.subnets.length ? ` · ${t.subnets.join(', ')}` : ''}`), t.routes.map(routeRow)),
      ),
    ),
  );
}

function renderScopes(t) {
  const select = document.getElementById('scope');
  const scopes = t.scopes.some((s) => s.account === t.account && s.region === t.region) ? t.scopes : [{ account: t.account, region: t.region }, ...t.scopes];
  select.replaceChildren(...scopes.map((s) => h('option', { value: `${s.account}/${s.region}`, selected: s.account === t.account && s.region === t.region }, `${s.account} / ${s.region}`)));
  document.getElementById('broadcast').href = `../broadcast?region=${encodeURIComponent(t.region)}&account=${encodeURIComponent(t.account)}&fresh=true`;
}

function renderBackend(b) {
  document.getElementById('paused').textContent = b.paused ? 'paused' : 'running';
  document.querySelector('#transitions tbody').replaceChildren(
    ...b.transitions.map((x) => h('tr', { 'data-transition': x.resourceId }, h('td', {}, x.resourceId), h('td', {}, x.kind), h('td', {}, x.to), h('td', {}, x.due ? 'due' : x.dueAt))),
  );
}

function render(t) {
  renderScopes(t);
  renderBackend(t.backend);
  document.getElementById('topology').replaceChildren(...(t.vpcs.length ? t.vpcs.map(vpcBox) : [h('p', { class: 'muted' }, 'Nothing here yet: no VPC in this account and region.')]));
  document.getElementById('eips').replaceChildren(
    ...t.elasticIps.map((a) => h('li', { 'data-search': searchText(a.publicIp, a.allocationId) }, `${a.publicIp} ${a.allocationId || ''}`, a.networkInterfaceId ? ` → ${a.networkInterfaceId} (${a.privateIp})` : ' (not associated)')),
  );
  applySearch();
  drawWires();
}

/** Curves from each route to the interface it targets, coloured by the route's state. */
function drawWires() {
  const svg = document.getElementById('wires');
  svg.setAttribute('width', document.documentElement.scrollWidth);
  svg.setAttribute('height', document.documentElement.scrollHeight);
  const paths = [];
  for (const row of document.querySelectorAll('[data-route-target]')) {
    const target = document.querySelector(`[data-eni-id="${CSS.escape(row.dataset.routeTarget)}"]`);
    if (!target) continue;
    const a = row.getBoundingClientRect();
    const b = target.getBoundingClientRect();
    const x1 = a.right + scrollX, y1 = a.top + a.height / 2 + scrollY;
    const x2 = b.left + b.width / 2 + scrollX, y2 = b.bottom + scrollY;
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('d', `M${x1},${y1} C${x1 + 80},${y1} ${x2},${y2 + 80} ${x2},${y2}`);
    path.setAttribute('class', `route-${row.dataset.routeState}`);
    paths.push(path);
  }
  svg.replaceChildren(...paths);
}

function applySearch() {
  const q = document.getElementById('search').value.trim().toLowerCase();
  let hits = 0;
  for (const el of document.querySelectorAll('[data-search]')) {
    const hit = q !== '' && el.dataset.search.includes(q);
    el.classList.toggle('hit', hit);
    if (hit) hits++;
  }
  document.getElementById('matches').textContent = q ? `${hits} match${hits === 1 ? '' : 'es'}` : '';
  const first = document.querySelector('.hit');
  if (first && q) first.scrollIntoView({ block: 'nearest' });
}

async function refresh() {
  const q = new URLSearchParams();
  if (scope.account) q.set('account', scope.account);
  if (scope.region) q.set('region', scope.region);
  try {
    const res = await fetch(`state?${q}`, { cache: 'no-store' });
    const t = await res.json();
    topology = t;
    document.getElementById('status').textContent = `updated ${new Date().toLocaleTimeString()}`;
    document.body.dataset.version = t.version;
    if (t.version !== version) {
      version = t.version;
      render(t);
    }
  } catch (e) {
    document.getElementById('status').textContent = `server unreachable (${e.message})`;
  }
}

async function backend(action) {
  const ms = Number(document.getElementById('advance-ms').value) || 0;
  const url = action === 'advance' ? `../backend/advance?ms=${ms}` : `../backend/${action}`;
  await fetch(url, { method: 'POST' });
  await refresh();
}

document.getElementById('search').addEventListener('input', applySearch);
document.getElementById('scope').addEventListener('change', (e) => {
  const [account, region] = e.target.value.split('/');
  scope = { account, region };
  version = '';
  refresh();
});
for (const action of ['pause', 'resume', 'advance']) document.getElementById(action).addEventListener('click', () => backend(action));
addEventListener('resize', () => topology && drawWires());

refresh();
setInterval(refresh, POLL_MS);

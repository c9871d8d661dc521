/**
 * The topology view in a real headless Chromium (Debian's `chromium`, driven by puppeteer-core): a 3-NIC instance
 * shows three interface boxes at device indexes 0..2; a hot-attached fourth appears without a reload; stopping the
 * instance turns the route through its interface to `blackhole`. Skipped with a message where no browser exists.
 * `EC2LITE_UI_SCREENSHOT=path.png` also saves a screenshot of the final page (how the README's picture is made).
 */
import * as fs from 'node:fs';
import {
  AllocateAddressCommand,
  AssociateAddressCommand,
  AttachInternetGatewayCommand,
  AttachNetworkInterfaceCommand,
  CreateInternetGatewayCommand,
  CreateNetworkInterfaceCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateTagsCommand,
  StopInstancesCommand,
} from '@aws-sdk/client-ec2';
import type { Browser, Page } from 'puppeteer-core';
import { createNetwork, describeInstance, runOne, TestNetwork } from '../helpers/network';
import { startTestServer, TestServer } from '../helpers/server';

// Page callbacks run in the browser; the project compiles without the DOM library, so the few globals they use are declared here.
declare const document: { querySelectorAll(selector: string): { length: number }; getElementById(id: string): { textContent: string | null } | null };
declare const window: { marker?: number };

const CHROMIUM = [process.env.EC2LITE_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(
  (p): p is string => !!p && fs.existsSync(p),
);
if (!CHROMIUM) console.warn('test/ui: skipped, no Chromium found (apt-get install chromium, or set EC2LITE_CHROMIUM)');
const maybe = CHROMIUM ? describe : describe.skip;

maybe('topology view in Chromium', () => {
  let t: TestServer;
  let net: TestNetwork;
  let browser: Browser;
  let page: Page;
  let instanceId: string;

  beforeAll(async () => {
    const puppeteer = await import('puppeteer-core');
    t = await startTestServer();
    net = await createNetwork(t.ec2);
    browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    page = await browser.newPage();
    await page.setViewport({ width: 1500, height: 900 });
  }, 60000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** Device indexes of the instance's interface boxes, as drawn. */
  const drawnIndexes = () =>
    page.$$eval(`[data-instance-id="${instanceId}"] .eni`, (els) => els.map((e) => Number(e.getAttribute('data-device-index'))));

  it('draws a 3-NIC instance with three interface boxes at device indexes 0, 1, 2', async () => {
    const instance = await runOne(t.ec2, {
      NetworkInterfaces: [
        { DeviceIndex: 0, SubnetId: net.subnetA1 },
        { DeviceIndex: 1, SubnetId: net.subnetA2 },
        { DeviceIndex: 2, SubnetId: net.subnetA1 },
      ],
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'router' }] }],
    });
    instanceId = instance.InstanceId!;
    await page.goto(`${t.url}/_ec2lite/ui/?poll=100`);
    await page.waitForSelector(`[data-instance-id="${instanceId}"] .eni`);
    expect(await drawnIndexes()).toEqual([0, 1, 2]);
    const eniIds = await page.$$eval(`[data-instance-id="${instanceId}"] .eni`, (els) => els.map((e) => e.getAttribute('data-eni-id')));
    const described = (await describeInstance(t.ec2, instanceId)).NetworkInterfaces!.sort((a, b) => a.Attachment!.DeviceIndex! - b.Attachment!.DeviceIndex!);
    expect(eniIds).toEqual(described.map((n) => n.NetworkInterfaceId));
    const header = await page.$eval(`[data-instance-id="${instanceId}"] h4`, (e) => e.textContent);
    expect(header).toContain('running');
    expect(header).toContain('ENIs 3/3'); // m5.large allows 3
  });

  it('shows a hot-attached interface without a reload, and a route through it as active', async () => {
    await page.evaluate(() => (window.marker = 42));
    // m5.large allows 3: raise the operator limit so a fourth can be hot-attached.
    await fetch(`${t.url}/_ec2lite/instance-types/m5.large`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ networkInterfaces: 4 }) });
    const eni = (await t.ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: net.subnetA2 }))).NetworkInterface!.NetworkInterfaceId!;
    await t.ec2.send(new CreateTagsCommand({ Resources: [eni], Tags: [{ Key: 'Name', Value: 'hot' }] }));
    await t.ec2.send(new AttachNetworkInterfaceCommand({ NetworkInterfaceId: eni, InstanceId: instanceId, DeviceIndex: 3 }));
    const igw = (await t.ec2.send(new CreateInternetGatewayCommand({}))).InternetGateway!.InternetGatewayId!;
    await t.ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: net.vpcId }));
    const { AllocationId } = await t.ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }));
    await t.ec2.send(new AssociateAddressCommand({ AllocationId, NetworkInterfaceId: eni }));
    const rtb = (await t.ec2.send(new CreateRouteTableCommand({ VpcId: net.vpcId }))).RouteTable!.RouteTableId!;
    await t.ec2.send(new CreateRouteCommand({ RouteTableId: rtb, DestinationCidrBlock: '192.168.0.0/16', NetworkInterfaceId: eni }));

    // The page polls: a refresh may land between two of the calls above, so wait for the last change (the route
    // through the interface) to be drawn, not just the fourth interface.
    await page.waitForFunction(
      ([id, eniId]) => document.querySelectorAll(`[data-instance-id="${id}"] .eni`).length === 4 && document.querySelectorAll(`[data-route-target="${eniId}"]`).length > 0,
      {},
      [instanceId, eni],
    );
    expect(await drawnIndexes()).toEqual([0, 1, 2, 3]);
    expect(await page.evaluate(() => window.marker)).toBe(42); // same page, no reload
    const hot = await page.$eval(`[data-eni-id="${eni}"]`, (e) => e.textContent);
    expect(hot).toContain('eth3');
    expect(hot).toContain(`EIP ${AllocationId}`);
    expect(await page.$eval(`[data-route-target="${eni}"]`, (e) => e.getAttribute('data-route-state'))).toBe('active');
    expect(await page.$$eval('#wires path.route-active', (els) => els.length)).toBe(1);
  });

  it('turns the route blackhole when the instance stops, and the search box highlights by IP', async () => {
    await t.ec2.send(new StopInstancesCommand({ InstanceIds: [instanceId] }));
    await page.waitForSelector('[data-route-state="blackhole"]', { timeout: 10000 });
    expect(await page.$eval(`[data-instance-id="${instanceId}"] h4`, (e) => e.textContent)).toContain('stopped');
    expect(await page.$$eval('#wires path.route-blackhole', (els) => els.length)).toBe(1);

    const secondary = (await describeInstance(t.ec2, instanceId)).NetworkInterfaces!.find((n) => n.Attachment!.DeviceIndex === 1)!;
    await page.type('#search', secondary.PrivateIpAddress!);
    const hits = await page.$$eval('.hit', (els) => els.map((e) => e.getAttribute('data-eni-id')));
    expect(hits).toEqual([secondary.NetworkInterfaceId]);
    expect(await page.$eval('#matches', (e) => e.textContent)).toBe('1 match');
    if (process.env.EC2LITE_UI_SCREENSHOT) {
      await page.click('#search', { clickCount: 3 });
      await page.keyboard.press('Backspace');
      await page.screenshot({ path: process.env.EC2LITE_UI_SCREENSHOT as `${string}.png`, fullPage: true });
    }
  });

  it('the back-end buttons pause and resume the back end', async () => {
    await page.click('#pause');
    await page.waitForFunction(() => document.getElementById('paused')!.textContent === 'paused');
    expect(t.runtime.backend.isPaused).toBe(true);
    await page.click('#resume');
    await page.waitForFunction(() => document.getElementById('paused')!.textContent === 'running');
    expect(t.runtime.backend.isPaused).toBe(false);
  });
});

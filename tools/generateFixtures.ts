/**
 * Builds fixtures/instance-types.json and fixtures/images.json from the public data that the Python `moto`
 * package ships (moto/ec2/resources/instance_types.json.gz mirrors AWS's DescribeInstanceTypes output;
 * amis.json.gz lists public AMIs). Both are committed; the runtime never needs moto.
 *
 *   npm run generate:fixtures [-- /path/to/moto]
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { createHash } from 'node:crypto';

const ROOT = path.resolve(__dirname, '..', '..');

function motoDir(): string {
  return execFileSync('python3', ['-c', 'import moto,os;print(os.path.dirname(moto.__file__))'], { encoding: 'utf8' }).trim();
}

const readGz = (file: string) => JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8'));

/**
 * One JSON value per line: small diffs when AWS's data changes, and src/domain/instanceTypes.ts indexes the catalog
 * by its lines, parsing an entry only when it is asked for.
 */
function writeLines(file: string, header: string, items: unknown[]): void {
  const body = items.map((i) => '  ' + JSON.stringify(i)).join(',\n');
  fs.writeFileSync(file, `{\n "comment": ${JSON.stringify(header)},\n "items": [\n${body}\n ]\n}\n`);
}

/**
 * moto's AMI list has no block device mappings; AWS's public images have them, and tools read them (amazon.aws
 * reads the root device's size and type before launching). An EBS-backed image maps its root device to a snapshot
 * (an id derived from the image id, so regenerating gives the same one) of 30 GiB for Windows and 8 GiB otherwise,
 * gp2 (these images date from 2017), deleted on termination; an instance-store image maps ephemeral0 to /dev/sdb.
 */
function blockDeviceMappings(a: { ami_id: string; root_device_type: string; root_device_name: string; platform?: string | null }, volumeType = 'gp2'): unknown[] {
  if (a.root_device_type !== 'ebs') return [{ DeviceName: '/dev/sdb', VirtualName: 'ephemeral0' }];
  const snapshot = 'snap-' + createHash('sha256').update(a.ami_id).digest('hex').slice(0, 17);
  const size = a.platform === 'windows' ? 30 : 8;
  return [{ DeviceName: a.root_device_name, Ebs: { DeleteOnTermination: true, SnapshotId: snapshot, VolumeSize: size, VolumeType: volumeType, Encrypted: false } }];
}

interface MotoAmi {
  ami_id: string; state: string; public: boolean; owner_id: string; image_location?: string; root_device_type: string;
  root_device_name: string; description: string; image_type: string; platform?: string | null; architecture: string;
  name: string; virtualization_type: string; hypervisor: string; sriov?: string; volume_type?: string;
}

/** The build date in an image's name (…-20260427…), else the date moto's 2017 list carries. */
function creationDate(name: string, dated: boolean): string {
  const m = dated ? /(20\d\d)(\d\d)(\d\d)/.exec(name) : null;
  return m ? `${m[1]}-${m[2]}-${m[3]}T00:00:00.000Z` : '2017-10-13T00:00:00.000Z';
}

/**
 * One catalog image in the Image shape. `current` marks the images of moto's latest_amis (today's Amazon Linux):
 * dated by their names, gp3 roots for AL2023, and AL2023's ImdsSupport v2.0 (AWS sets it on those images).
 */
function catalogImage(a: MotoAmi, current: boolean) {
  const al2023 = a.name.startsWith('al2023-');
  return {
    ImageId: a.ami_id,
    ImageLocation: a.image_location ?? `amazon/${a.name}`,
    State: a.state,
    OwnerId: a.owner_id,
    Public: a.public,
    Architecture: a.architecture,
    ImageType: a.image_type,
    Name: a.name,
    Description: a.description,
    RootDeviceType: a.root_device_type,
    RootDeviceName: a.root_device_name,
    BlockDeviceMappings: blockDeviceMappings(a, a.volume_type ?? (al2023 ? 'gp3' : 'gp2')),
    VirtualizationType: a.virtualization_type,
    Hypervisor: a.hypervisor,
    SriovNetSupport: a.sriov,
    EnaSupport: true,
    // Only Windows images carry a Platform; the rest are Linux/UNIX.
    ...(a.platform === 'windows'
      ? { Platform: 'windows', PlatformDetails: 'Windows', UsageOperation: 'RunInstances:0002' }
      : { PlatformDetails: 'Linux/UNIX', UsageOperation: 'RunInstances' }),
    ...(al2023 ? { ImdsSupport: 'v2.0' } : {}),
    CreationDate: creationDate(a.name, current),
  };
}

/** tools/catalogExtras.json: images moto lacks (Canonical's Ubuntu LTS), ids derived from their names. */
function extraImages(): MotoAmi[] {
  const file = JSON.parse(fs.readFileSync(path.join(ROOT, 'tools', 'catalogExtras.json'), 'utf8')) as {
    items: Array<{ name: string; description: string; architecture: string; volumeType: string }>;
  };
  return file.items.map((x) => ({
    ami_id: 'ami-0' + createHash('sha256').update(x.name).digest('hex').slice(0, 16),
    state: 'available',
    public: true,
    owner_id: '099720109477',
    image_location: `099720109477/${x.name}`,
    root_device_type: 'ebs',
    root_device_name: '/dev/sda1',
    description: x.description,
    image_type: 'machine',
    architecture: x.architecture,
    name: x.name,
    virtualization_type: 'hvm',
    hypervisor: 'xen',
    sriov: 'simple',
    volume_type: x.volumeType,
  }));
}

function main() {
  const dir = process.argv[2] ?? motoDir();
  const types = readGz(path.join(dir, 'ec2', 'resources', 'instance_types.json.gz')) as Record<string, unknown>;
  const names = Object.keys(types).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  writeLines(
    path.join(ROOT, 'fixtures', 'instance-types.json'),
    'AWS DescribeInstanceTypes data (InstanceTypeInfo, model member names) from moto/ec2/resources/instance_types.json.gz. Generated by tools/generateFixtures.ts.',
    names.map((n) => types[n]),
  );

  // moto's list includes test images with malformed ids (ami-ekswin…); AWS ids are ami- + 8 or 17 hex digits.
  const wellFormed = (a: MotoAmi) => /^ami-([0-9a-f]{8}|[0-9a-f]{17})$/.test(a.ami_id);
  const amis = (readGz(path.join(dir, 'ec2', 'resources', 'amis.json.gz')) as MotoAmi[]).filter(wellFormed);
  // today's Amazon Linux images (moto's latest_amis for us-east-1; the catalog is the same in every region)
  const latest = (readGz(path.join(dir, 'ec2', 'resources', 'latest_amis', 'us-east-1.json.gz')) as MotoAmi[]).filter(wellFormed);
  const seen = new Set(amis.map((a) => a.ami_id));
  const images = [
    ...amis.map((a) => catalogImage(a, false)),
    ...latest.filter((a) => !seen.has(a.ami_id)).map((a) => catalogImage(a, true)),
    ...extraImages().map((a) => catalogImage(a, true)),
  ];
  writeLines(
    path.join(ROOT, 'fixtures', 'images.json'),
    'Public AMIs (Image shape, model member names) from moto/ec2/resources/amis.json.gz and latest_amis/us-east-1.json.gz, and tools/catalogExtras.json. Generated by tools/generateFixtures.ts.',
    images,
  );
  console.log(`wrote ${names.length} instance types and ${images.length} images to fixtures/`);
}

main();

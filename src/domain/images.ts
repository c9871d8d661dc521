/**
 * AMIs: the public images of fixtures/images.json. RunInstances also accepts an unknown but well-formed `ami-…`
 * id (with a warning in the log), as peers do, and treats it as a Linux x86_64 image.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Image } from '../protocol/model/types.generated';
import { FIXTURES_DIR } from './instanceTypes';

let images: Map<string, Image> | undefined;

function load(): Map<string, Image> {
  if (!images) {
    const file = JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, 'images.json'), 'utf8')) as { items: Image[] };
    images = new Map(file.items.map((i) => [i.ImageId as string, i]));
  }
  return images;
}

export class ImageCatalog {
  /** Reads the fixture now rather than on the first call that needs it. */
  preload(): void {
    load();
  }

  all(): Image[] {
    return [...load().values()];
  }

  get(id: string): Image | undefined {
    return load().get(id);
  }

  exists(id: string): boolean {
    return load().has(id);
  }

  architectureOf(id: string): string {
    return load().get(id)?.Architecture ?? 'x86_64';
  }

  /** "windows" for Windows images (the instance's `platform`), else undefined. */
  platformOf(id: string): string | undefined {
    return load().get(id)?.Platform;
  }
}

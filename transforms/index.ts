// The ordered pipeline: this order is part of dockmod's interface.
import type { Transform } from '../src/transform.js';
import { addCacheMounts } from './add-cache-mounts.js';
import { addModFlag } from './add-mod-flag.js';
import { bumpGoImage } from './bump-go-image.js';
import { dropModDownload } from './drop-mod-download.js';
import { insertModTidy } from './insert-mod-tidy.js';

export const TRANSFORMS: readonly Transform[] = [dropModDownload, insertModTidy, addModFlag, addCacheMounts, bumpGoImage];

/** The transform with this id, if there is one. */
export function transformById(id: string): Transform | undefined {
  return TRANSFORMS.find((transform) => transform.id === id);
}

import { rmSync } from 'node:fs';
import { CAPTURE_DIR } from '../helpers/capture-dir.js';

/** Vitest globalSetup of the "suite" project: each run's captures start empty, so runs never mix. */
export default function setup(): void {
  rmSync(CAPTURE_DIR, { recursive: true, force: true });
}

import { describe, expect, it } from 'vitest';
import { CAPTURE_DIR } from '../helpers/capture-dir.js';
import { describeFindings, scanCaptures } from './scan-captures.js';

/**
 * The "log-scan" project (vitest.config.ts): runs after every file of the "suite" project, over what they logged.
 * No token, client secret, state secret, signing secret or encryption key may appear in any captured line.
 */
describe('the logs of the whole suite', () => {
  it('hold no registered secret and no Slack token', () => {
    const scan = scanCaptures(CAPTURE_DIR);
    if (scan.captureFiles === 0 || scan.lines === 0)
      expect.fail(`no captured logs in ${CAPTURE_DIR}: run the whole suite: npm test`);
    expect(scan.findings.length, describeFindings(scan.findings)).toBe(0);
  });
});

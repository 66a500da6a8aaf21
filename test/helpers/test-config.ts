import { parseConfig, type Config } from '../../src/config.js';
import { registerSecretsIn } from './log-sink.js';

/** parseConfig for a test: throws on a refusal, and registers the environment's secrets with the log scan. */
export function testConfig(env: Record<string, string>): Config {
  registerSecretsIn(env);
  const parsed = parseConfig(env);
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.config;
}

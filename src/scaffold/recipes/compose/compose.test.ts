import { afterEach, describe, expect, it } from 'vitest';
import { at, type Generated, generate, problems } from '../../recipe-test-kit.js';

let g: Generated | undefined;
afterEach(() => g?.cleanup());

const services = (doc: unknown) => at(doc, 'services') as Record<string, Record<string, unknown>>;

describe('run compose', () => {
  it('default: four services, healthy dependencies, segmented networks, secrets from files', () => {
    g = generate('compose');
    expect(problems(g.result)).toEqual([]);
    expect(g.paths).toEqual(['docker-compose.prod.yml', 'docker-compose.yml']);
    const [base] = g.yaml('docker-compose.yml');
    const s = services(base);
    expect(Object.keys(s)).toEqual(['web', 'api', 'db', 'cache']);
    for (const [name, svc] of Object.entries(s)) {
      expect(svc.healthcheck, name).toBeDefined();
      expect(at(svc, 'deploy', 'resources', 'limits'), name).toBeDefined();
      expect(at(svc, 'deploy', 'resources', 'reservations'), name).toBeDefined();
      expect(svc.user, name).toMatch(/^\d+:\d+$/);
      expect(svc.read_only, name).toBe(true);
    }
    expect(at(s.web, 'depends_on', 'api', 'condition')).toBe('service_healthy');
    expect(at(s.api, 'depends_on', 'db', 'condition')).toBe('service_healthy');
    expect(s.web?.ports).toEqual(['8080:8080']);
    for (const name of ['api', 'db', 'cache']) expect(s[name]?.ports, name).toBeUndefined();
    expect(at(base, 'networks')).toEqual({ frontend: {}, backend: { internal: true }, monitoring: { internal: true } });
    expect(s.db?.networks).toEqual(['backend']);
    expect(at(s.db, 'environment', 'POSTGRES_PASSWORD_FILE')).toBe('/run/secrets/db_password');
    expect(at(base, 'secrets', 'db_password', 'file')).toMatch(/^\$\{DB_PASSWORD_FILE:\?/);
    expect(at(base, 'volumes')).toEqual({ 'db-data': {}, 'cache-data': {} });
  });

  it('prod override: hardening, log rotation, secrets, required APP_VERSION', () => {
    g = generate('compose');
    const [prod] = g.yaml('docker-compose.prod.yml');
    const s = services(prod);
    for (const [name, svc] of Object.entries(s)) {
      expect(svc.read_only, name).toBe(true);
      expect(svc.cap_drop, name).toEqual(['ALL']);
      expect(svc.security_opt, name).toEqual(['no-new-privileges:true']);
      expect(svc.tmpfs, name).toBeDefined();
      expect(svc.user, name).toMatch(/^\d+:\d+$/);
      expect(at(svc, 'logging', 'options'), name).toEqual({ 'max-size': '10m', 'max-file': '5' });
      expect(svc.ports, name).toBeUndefined();
    }
    expect(s.api?.image).toBe('ghcr.io/example/app-api:${APP_VERSION:?set APP_VERSION to the release to deploy}');
    expect(s.db?.secrets).toEqual(['db_password']);
  });

  it('mysql, another name, registry and port', () => {
    g = generate('compose', ['db=mysql', 'name=shop', 'registry=registry.example.com/team', 'web_port=8443']);
    expect(problems(g.result)).toEqual([]);
    const s = services(g.yaml('docker-compose.yml')[0]);
    expect(s.db?.image).toBe('mysql:8.4.3');
    expect(at(s.db, 'environment', 'MYSQL_PASSWORD_FILE')).toBe('/run/secrets/db_password');
    expect(s.web?.image).toBe('registry.example.com/team/shop-web:1.0.0');
    expect(s.web?.ports).toEqual(['8443:8080']);
  });
});

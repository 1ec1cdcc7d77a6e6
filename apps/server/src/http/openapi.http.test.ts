import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/helpers/test-app';
import type { TestApp } from '../../test/helpers/test-app';

describe('OpenAPI', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ demo: false });
  });
  afterAll(async () => t.close());

  it('is generated from the zod schemas and served at /api/docs without a session', async () => {
    const spec = (await t.agent().get('/api/docs/json')).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/units',
        '/api/units/{id}',
        '/api/people',
        '/api/users',
        '/api/roles',
      ]),
    );
    const createUnit = spec.paths['/api/units'].post.requestBody.content['application/json'].schema;
    expect(createUnit.required).toEqual(expect.arrayContaining(['parentId', 'name', 'type']));
    expect(createUnit.additionalProperties).toBe(false);
    expect((await t.agent().get('/api/docs/')).statusCode).toBe(200);
  });
});

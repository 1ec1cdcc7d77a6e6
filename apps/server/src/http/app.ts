import fs from 'node:fs';
import path from 'node:path';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppConfig } from '../config';
import type { Db } from '../db/database';
import { createServices } from '../services';
import type { Services } from '../services';
import type { Clock } from '../shared/clock';
import { systemClock } from '../shared/clock';
import { registerAuthentication } from './auth-hook';
import { registerCsrfProtection } from './csrf';
import { registerErrorHandling } from './error-handler';
import { registerApiRoutes } from './routes';

z.config(z.locales.zhCN());

export interface BuildAppOptions {
  db: Db;
  config: AppConfig;
  clock?: Clock;
  /** false silences request logs (tests). */
  logger?: boolean;
  /** Where rate limits count (default: in this process; see shared-rate-limit.ts). */
  rateLimitStore?: FastifyRateLimitStoreCtor;
}

export type App = FastifyInstance & { services: Services };

/** Builds the HTTP application: security, API under /api, OpenAPI at /api/docs, the web app. */
export async function buildApp(options: BuildAppOptions): Promise<App> {
  const { db, config } = options;
  const clock = options.clock ?? systemClock;
  const app: FastifyInstance = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel },
    bodyLimit: config.bodyLimit,
  });
  const services = createServices(db, config, clock);

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design writes its styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    // HSTS only makes sense when the deployment is served over HTTPS.
    strictTransportSecurity: config.secureCookies,
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    ...(options.rateLimitStore ? { store: options.rateLimitStore } : {}),
    max: config.apiRateLimit,
    timeWindow: '1 minute',
    errorResponseBuilder: () => ({
      statusCode: 429,
      code: 'RATE_LIMITED',
      message: '请求过于频繁，请稍后再试',
    }),
  });
  registerCsrfProtection(app);
  registerAuthentication(app, services.auth);

  await app.register(swagger, {
    openapi: {
      info: {
        title: '台账 Taizhang API',
        description: '意识形态工作责任制台账与报告平台接口',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'tz_sid' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    uiConfig: { docExpansion: 'list' },
  });

  await app.register(async (api) => registerApiRoutes(api, services, config), { prefix: '/api' });
  await registerWebApp(app, config);
  return Object.assign(app, { services });
}

async function registerWebApp(app: FastifyInstance, config: AppConfig): Promise<void> {
  const indexFile = path.join(config.webDistDir, 'index.html');
  const hasWeb = fs.existsSync(indexFile);
  if (hasWeb) {
    await app.register(fastifyStatic, { root: config.webDistDir, wildcard: true, index: false });
  }
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes get the app shell; missing files (a path with an extension) stay 404.
    const pathname = request.url.split('?')[0] ?? '';
    const looksLikeFile = /\.[a-z0-9]+$/i.test(pathname);
    if (request.url.startsWith('/api/') || request.method !== 'GET' || !hasWeb || looksLikeFile) {
      return reply.status(404).send({ code: 'NOT_FOUND', message: '请求的地址不存在' });
    }
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
}

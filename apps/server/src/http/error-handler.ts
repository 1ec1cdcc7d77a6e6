import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, errorCatalog } from '../errors/app-error';
import type { ErrorCode, ErrorDetail } from '../errors/app-error';

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: ErrorDetail[];
}

// Fastify's own error codes for bad requests, translated for users.
const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_REQ_FILE_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_FILES_LIMIT: 'PAYLOAD_TOO_LARGE',
  FST_PARTS_LIMIT: 'PAYLOAD_TOO_LARGE',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
};

/** Turns any error into `{code, message, details}`; never leaks a stack trace to users. */
export function toErrorResponse(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    return {
      status: error.status,
      body: {
        code: error.code,
        message: error.message,
        ...(error.details ? { details: error.details } : {}),
      },
    };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const details = error.validation.map((issue) => ({
      path: formatPath(issue.instancePath, issue.params),
      message: issue.message ?? '格式不正确',
    }));
    const first = details[0];
    return {
      status: 400,
      body: {
        code: 'VALIDATION_FAILED',
        message: first
          ? `提交的数据不符合要求：${first.path ? `${first.path} ` : ''}${first.message}`
          : errorCatalog.VALIDATION_FAILED.message,
        details,
      },
    };
  }
  const constraint = constraintViolation(error);
  if (constraint) return { status: 409, body: { code: 'CONFLICT', message: constraint } };
  const fastifyError = error as Partial<FastifyError>;
  if (fastifyError.statusCode === 429) {
    return {
      status: 429,
      body: { code: 'RATE_LIMITED', message: errorCatalog.RATE_LIMITED.message },
    };
  }
  const mapped = fastifyError.code ? fastifyCodes[fastifyError.code] : undefined;
  if (mapped) {
    return {
      status: errorCatalog[mapped].status,
      body: { code: mapped, message: errorCatalog[mapped].message },
    };
  }
  if (error instanceof SyntaxError && fastifyError.statusCode === 400) {
    return {
      status: 400,
      body: { code: 'INVALID_JSON', message: errorCatalog.INVALID_JSON.message },
    };
  }
  if (
    typeof fastifyError.statusCode === 'number' &&
    fastifyError.statusCode >= 400 &&
    fastifyError.statusCode < 500
  ) {
    const code: ErrorCode = fastifyError.statusCode === 404 ? 'NOT_FOUND' : 'BAD_REQUEST';
    return { status: fastifyError.statusCode, body: { code, message: errorCatalog[code].message } };
  }
  return { status: 500, body: { code: 'INTERNAL', message: errorCatalog.INTERNAL.message } };
}

/** Unique and foreign-key violations from either database, as a Chinese conflict message. */
function constraintViolation(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === '23505'
  ) {
    return '与已有记录重复，请检查后重试';
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503') {
    return '关联的记录不存在或仍被引用';
  }
  return null;
}

function formatPath(instancePath: string, params: Record<string, unknown> | undefined): string {
  const base = instancePath.replace(/^\//, '').replace(/\//g, '.');
  const keys = params?.keys;
  if (Array.isArray(keys) && keys.length > 0) {
    return [base, keys.join(',')].filter(Boolean).join('.');
  }
  return base;
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const { status, body } = toErrorResponse(error);
    if (status >= 500) request.log.error({ err: error }, 'unhandled error');
    else request.log.info({ code: body.code }, body.message);
    return reply.status(status).send(body);
  });
}

import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import { toErrorResponse } from './error-handler';

describe('toErrorResponse', () => {
  it('maps an AppError to its status, code and Chinese message', () => {
    expect(toErrorResponse(new AppError('VERSION_CONFLICT'))).toEqual({
      status: 409,
      body: { code: 'VERSION_CONFLICT', message: '数据已被他人修改，请刷新后重试' },
    });
  });

  it('maps unique violations of both databases to a 409 conflict', () => {
    for (const code of ['SQLITE_CONSTRAINT_UNIQUE', '23505']) {
      const { status, body } = toErrorResponse(Object.assign(new Error('duplicate key'), { code }));
      expect(status).toBe(409);
      expect(body.code).toBe('CONFLICT');
      expect(body.message).toContain('重复');
    }
  });

  it('hides unexpected errors behind a generic 500 without internals', () => {
    const { status, body } = toErrorResponse(
      new TypeError('cannot read properties of undefined (reading x)'),
    );
    expect(status).toBe(500);
    expect(body).toEqual({ code: 'INTERNAL', message: '服务器内部错误，请稍后重试' });
  });
});

import { useCallback } from 'react';
import { App } from 'antd';
import type { FormInstance } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { isApiError, isSessionError } from '../api/api-client';

export const VERSION_CONFLICT_MESSAGE = '数据已被他人修改，请刷新后重试';

function toNamePath(path: string): (string | number)[] {
  return path
    .replace(/^\/+/, '')
    .replace(/^body[./]/, '')
    .split(/[./]/)
    .filter(Boolean)
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/**
 * Shows an API error the way users expect: field errors next to the fields, a reload prompt
 * on version conflicts, and the server's Chinese message otherwise. Session errors are handled
 * globally and ignored here.
 */
export function useApiErrorHandler() {
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();

  return useCallback(
    (error: unknown, form?: FormInstance, onReload?: () => void) => {
      if (isSessionError(error)) return;
      if (!isApiError(error)) {
        message.error('操作失败，请稍后再试');
        return;
      }
      if (error.code === 'VALIDATION_FAILED' && form && error.details.length > 0) {
        form.setFields(
          error.details.map((detail) => ({
            name: toNamePath(detail.path),
            errors: [detail.message],
          })),
        );
        message.error(error.message || '提交的数据有误，请检查后重试');
        return;
      }
      if (error.code === 'VERSION_CONFLICT') {
        modal.warning({
          className: 'tz-version-conflict',
          title: VERSION_CONFLICT_MESSAGE,
          content:
            '在您编辑期间，这条数据已被其他人修改。刷新后将显示最新内容，请在此基础上重新修改。',
          okText: '刷新数据',
          onOk: async () => {
            await queryClient.invalidateQueries();
            onReload?.();
          },
        });
        return;
      }
      message.error(error.message);
    },
    [message, modal, queryClient],
  );
}

import { Alert, Button, Result } from 'antd';
import { isApiError } from '../api/api-client';

function messageOf(error: unknown): string {
  return isApiError(error) ? error.message : '加载失败，请稍后再试';
}

/** Inline error state for a list or panel whose data failed to load. */
export function QueryErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      message="数据加载失败"
      description={messageOf(error)}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            重试
          </Button>
        ) : undefined
      }
    />
  );
}

/** Full-page error state, e.g. when a detail record cannot be loaded. */
export function QueryErrorResult({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const notFound = isApiError(error) && error.status === 404;
  return (
    <Result
      status={notFound ? '404' : 'error'}
      title={notFound ? '数据不存在' : '数据加载失败'}
      subTitle={messageOf(error)}
      extra={
        onRetry && !notFound ? (
          <Button type="primary" onClick={onRetry}>
            重试
          </Button>
        ) : undefined
      }
    />
  );
}

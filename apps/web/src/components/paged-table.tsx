import { Table } from 'antd';
import type { TableProps } from 'antd';
import type { useListParams } from '../lib/use-list-params';
import { QueryErrorAlert } from './query-error';

/** What a list page's query gives the table: one page of items and the total. */
export interface PagedQuery<T> {
  data?: { items: T[]; total: number } | undefined;
  error: unknown;
  isFetching: boolean;
  refetch: () => unknown;
}

export interface PagedTableProps<T> extends Omit<
  TableProps<T>,
  'dataSource' | 'loading' | 'pagination' | 'onChange' | 'locale'
> {
  list: Pick<ReturnType<typeof useListParams>, 'pagination' | 'onTableChange'>;
  query: PagedQuery<T>;
  /** Shown when the page loaded and is empty (a failed load says so instead). */
  emptyText: string;
}

/**
 * A server-paged list: the load error (with retry) above the table, and pages, page size and
 * sorting wired to the list's state, so every list page behaves the same.
 */
export function PagedTable<T extends object>({
  list,
  query,
  emptyText,
  ...table
}: PagedTableProps<T>) {
  const { data, error, isFetching, refetch } = query;
  return (
    <>
      {error ? <QueryErrorAlert error={error} onRetry={() => void refetch()} /> : null}
      <Table<T>
        {...table}
        dataSource={data?.items ?? []}
        loading={isFetching}
        pagination={list.pagination(data?.total)}
        onChange={list.onTableChange}
        locale={{ emptyText: error ? '数据加载失败' : emptyText }}
      />
    </>
  );
}

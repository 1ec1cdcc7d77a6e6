import { useCallback, useMemo, useState } from 'react';
import type { Key } from 'react';
import type { TablePaginationConfig } from 'antd';
import { formatNumber } from './format';

/** The part of antd's SorterResult this hook reads; any Table<T> sorter satisfies it. */
interface SortState {
  columnKey?: Key;
  field?: Key | readonly Key[];
  order?: 'ascend' | 'descend' | null;
}

export interface ListParams<F> {
  page: number;
  pageSize: number;
  sort: string | undefined;
  filters: F;
}

/**
 * Paging, sorting and search-form state of one list page, plus the antd Table props that drive
 * it. Sorting is expressed the way the API wants it: `name` ascending, `-name` descending.
 */
export function useListParams<F extends object>(initialFilters: F, defaultSort?: string) {
  const [params, setParams] = useState<ListParams<F>>({
    page: 1,
    pageSize: 20,
    sort: defaultSort,
    filters: initialFilters,
  });

  const setFilters = useCallback((filters: F) => {
    setParams((prev) => ({ ...prev, page: 1, filters }));
  }, []);

  const onTableChange = useCallback(
    (pagination: TablePaginationConfig, _filters: unknown, sorter: SortState | SortState[]) => {
      const single = Array.isArray(sorter) ? sorter[0] : sorter;
      const field = single?.order ? String(single.columnKey ?? single.field ?? '') : '';
      const sort = field ? (single?.order === 'descend' ? `-${field}` : field) : defaultSort;
      setParams((prev) => ({
        ...prev,
        page: sort !== prev.sort ? 1 : (pagination.current ?? 1),
        pageSize: pagination.pageSize ?? prev.pageSize,
        sort,
      }));
    },
    [defaultSort],
  );

  const query = useMemo(
    () => ({ page: params.page, pageSize: params.pageSize, sort: params.sort, ...params.filters }),
    [params],
  );

  const pagination = useCallback(
    (total: number | undefined): TablePaginationConfig => ({
      current: params.page,
      pageSize: params.pageSize,
      total: total ?? 0,
      showSizeChanger: true,
      pageSizeOptions: [10, 20, 50, 100],
      showTotal: (count) => `共 ${formatNumber(count)} 条`,
    }),
    [params.page, params.pageSize],
  );

  /** The `sortOrder` to give a sortable column so the header shows the active sort. */
  const sortOrderOf = useCallback(
    (key: string): 'ascend' | 'descend' | null => {
      if (params.sort === key) return 'ascend';
      if (params.sort === `-${key}`) return 'descend';
      return null;
    },
    [params.sort],
  );

  return { params, query, setFilters, onTableChange, pagination, sortOrderOf };
}

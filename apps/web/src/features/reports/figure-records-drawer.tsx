import { useState } from 'react';
import { Alert, Drawer, Table, Typography } from 'antd';
import type { Id } from '../../api/types';
import { formatDate } from '../../lib/format';
import { useFigureRecords } from './reports.api';
import type { FigureRecord } from './reports.types';

/** The records behind a figure of the report. */
export function FigureRecordsDrawer({
  reportId,
  figureKey,
  onClose,
}: {
  reportId: Id;
  figureKey: string | null;
  onClose: () => void;
}) {
  const [page, setPage] = useState(1);
  const { data, isFetching, error } = useFigureRecords(reportId, figureKey, page);
  return (
    <Drawer
      title={data ? `“${data.text}”的台账记录` : '台账记录'}
      open={figureKey !== null}
      onClose={onClose}
      width={720}
      destroyOnHidden
    >
      {error ? (
        <Alert
          type="error"
          showIcon
          message={error instanceof Error ? error.message : '加载失败'}
        />
      ) : null}
      {data?.note ? (
        <Alert type="info" showIcon message={data.note} style={{ marginBottom: 12 }} />
      ) : null}
      {data && !data.note ? (
        <Typography.Paragraph type="secondary">
          报告中的数字为 {data.text}，以下是对应的 {data.total} 条记录（在您的数据权限范围内）。
        </Typography.Paragraph>
      ) : null}
      <Table<FigureRecord>
        rowKey={(r) => `${r.kind}-${r.id}`}
        size="small"
        loading={isFetching}
        dataSource={data?.items ?? []}
        columns={[
          {
            title: '日期',
            dataIndex: 'date',
            width: 140,
            render: (d: string | null) => formatDate(d),
          },
          { title: '标题', dataIndex: 'title' },
          { title: '单位', dataIndex: 'unitName', width: 180 },
          { title: '说明', dataIndex: 'detail', width: 180 },
        ]}
        pagination={{
          current: page,
          pageSize: 20,
          total: data?.total ?? 0,
          onChange: setPage,
          showTotal: (n) => `共 ${n} 条`,
        }}
      />
    </Drawer>
  );
}

import { useEffect, useState } from 'react';
import { App, Button, Drawer, Input, Space, Table, Tag, Typography } from 'antd';
import { formatDateTime } from '../../lib/format';
import { useApiErrorHandler } from '../../lib/use-api-error';
import { useAuth } from '../auth/use-auth';
import { QueryErrorAlert } from '../../components/query-error';
import {
  downloadTermList,
  useRollbackTermList,
  useTermEntries,
  useTermListVersions,
} from './proofread.api';
import { SEVERITY_STYLE, TERM_CATEGORY_COLORS, TERM_CATEGORY_LABELS } from './proofread-labels';
import { PROOFREAD_PERM } from './proofread-permissions';
import type { TermEntry, TermList, TermListVersion } from './proofread.types';

/** Versions of a term list (newest first) with their entries; export or roll back any of them. */
export function TermListVersionsDrawer({
  list,
  onClose,
}: {
  list: TermList | null;
  onClose: () => void;
}) {
  const { can } = useAuth();
  const { modal, message } = App.useApp();
  const handleError = useApiErrorHandler();
  const versions = useTermListVersions(list?.id ?? null);
  const rollback = useRollbackTermList();
  const [versionId, setVersionId] = useState<number | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [keyword, setKeyword] = useState('');
  const hasVersions = (versions.data?.length ?? 0) > 0;
  const entries = useTermEntries(list && hasVersions ? list.id : null, versionId, page, keyword);

  useEffect(() => {
    setVersionId(undefined);
    setPage(1);
    setKeyword('');
  }, [list?.id]);

  const viewed = versions.data?.find((v) =>
    versionId === undefined ? v.current : v.id === versionId,
  );

  const confirmRollback = (v: TermListVersion) =>
    modal.confirm({
      title: `回滚到第 ${v.number} 版？`,
      content: `将以第 ${v.number} 版（${v.entryCount} 条）的内容生成一个新版本，并作为当前版本；现有版本均会保留。`,
      okText: '回滚',
      cancelText: '取消',
      onOk: async () => {
        if (!list) return;
        try {
          const created = await rollback.mutateAsync({ id: list.id, versionId: v.id });
          message.success(`已回滚，当前为第 ${created.number} 版`);
          setVersionId(undefined);
        } catch (error) {
          handleError(error);
        }
      },
    });

  return (
    <Drawer
      title={list ? `词表版本：${list.name}` : '词表版本'}
      open={list !== null}
      onClose={onClose}
      width={860}
      destroyOnHidden
    >
      {versions.error ? (
        <QueryErrorAlert error={versions.error} onRetry={() => void versions.refetch()} />
      ) : null}
      <Table<TermListVersion>
        size="small"
        rowKey="id"
        loading={versions.isFetching}
        dataSource={versions.data ?? []}
        pagination={{ pageSize: 5, hideOnSinglePage: true, size: 'small' }}
        locale={{ emptyText: '还没有上传过词条' }}
        rowClassName={(v) => (v.id === viewed?.id ? 'pf-item-active' : '')}
        columns={[
          {
            title: '版本',
            dataIndex: 'number',
            width: 110,
            render: (n: number, v) => (
              <Space size={4}>
                第 {n} 版{v.current ? <Tag color="green">当前</Tag> : null}
              </Space>
            ),
          },
          {
            title: '来源',
            dataIndex: 'source',
            ellipsis: true,
          },
          { title: '词条数', dataIndex: 'entryCount', width: 90 },
          {
            title: '操作人',
            dataIndex: 'createdBy',
            width: 90,
            render: (name: string | null) => name ?? '—',
          },
          {
            title: '时间',
            dataIndex: 'createdAt',
            width: 150,
            render: (at: string) => formatDateTime(at),
          },
          {
            title: '操作',
            key: 'actions',
            width: 190,
            render: (_, v) => (
              <Space size={0}>
                <Button
                  type="link"
                  size="small"
                  onClick={() => {
                    setVersionId(v.id);
                    setPage(1);
                  }}
                >
                  查看词条
                </Button>
                <Button
                  type="link"
                  size="small"
                  onClick={() =>
                    list && void downloadTermList(list, v.id).catch((e: unknown) => handleError(e))
                  }
                >
                  导出
                </Button>
                {!v.current && can(PROOFREAD_PERM.termsEdit) ? (
                  <Button type="link" size="small" onClick={() => confirmRollback(v)}>
                    回滚
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      {viewed ? (
        <>
          <div className="tz-table-toolbar" style={{ marginTop: 16 }}>
            <Typography.Text strong>第 {viewed.number} 版词条</Typography.Text>
            <Input.Search
              allowClear
              placeholder="搜索词条"
              style={{ width: 220 }}
              onSearch={(value) => {
                setKeyword(value.trim());
                setPage(1);
              }}
            />
          </div>
          {entries.error ? (
            <QueryErrorAlert error={entries.error} onRetry={() => void entries.refetch()} />
          ) : null}
          <Table<TermEntry>
            size="small"
            rowKey="row"
            loading={entries.isFetching}
            dataSource={entries.data?.items ?? []}
            pagination={{
              current: page,
              pageSize: 20,
              total: entries.data?.total ?? 0,
              onChange: setPage,
              showSizeChanger: false,
              size: 'small',
              showTotal: (t) => `共 ${t} 条`,
            }}
            locale={{ emptyText: keyword ? '没有匹配的词条' : '暂无词条' }}
            columns={[
              { title: '行', dataIndex: 'row', width: 70 },
              { title: '词条', dataIndex: 'term' },
              {
                title: '类别',
                dataIndex: 'category',
                width: 80,
                render: (c: TermEntry['category']) => (
                  <Tag color={TERM_CATEGORY_COLORS[c]}>{TERM_CATEGORY_LABELS[c]}</Tag>
                ),
              },
              {
                title: '级别',
                dataIndex: 'severity',
                width: 80,
                render: (s: TermEntry['severity']) => (s ? SEVERITY_STYLE[s].label : '默认'),
              },
              { title: '建议', dataIndex: 'suggestion', render: (s: string | null) => s ?? '—' },
              {
                title: '备注',
                dataIndex: 'note',
                ellipsis: true,
                render: (s: string | null) => s ?? '—',
              },
            ]}
          />
        </>
      ) : null}
    </Drawer>
  );
}

import { useMemo, useState } from 'react';
import { App, Button, Dropdown, Input, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { PageContainer } from '../../components/page-container';
import { QueryErrorAlert } from '../../components/query-error';
import { formatDateTime } from '../../lib/format';
import { useApiErrorHandler } from '../../lib/use-api-error';
import { useAuth } from '../auth/use-auth';
import {
  downloadTemplate,
  downloadTermList,
  useDeleteTermList,
  useTermLists,
} from './proofread.api';
import { PROOFREAD_PERM } from './proofread-permissions';
import type { TermList } from './proofread.types';
import { TermListFormModal } from './term-list-form-modal';
import type { TermListFormTarget } from './term-list-form-modal';
import { TermListVersionsDrawer } from './term-list-versions-drawer';
import { TermUploadModal } from './term-upload-modal';
import './proofread.css';

/** 词表管理: the organization's term lists, uploads with row errors, versions, template. */
export function TermListsPage() {
  const { can } = useAuth();
  const { modal, message } = App.useApp();
  const handleError = useApiErrorHandler();
  const { data, isFetching, error, refetch } = useTermLists();
  const remove = useDeleteTermList();
  const [keyword, setKeyword] = useState('');
  const [formTarget, setFormTarget] = useState<TermListFormTarget | null>(null);
  const [uploading, setUploading] = useState<TermList | null>(null);
  const [versionsOf, setVersionsOf] = useState<number | null>(null);

  const lists = useMemo(() => {
    const needle = keyword.trim();
    return needle
      ? (data ?? []).filter((l) => l.name.includes(needle) || l.unitName.includes(needle))
      : (data ?? []);
  }, [data, keyword]);
  // Follow the list in the query cache so the drawer shows fresh version numbers.
  const versionsList = data?.find((l) => l.id === versionsOf) ?? null;

  const confirmDelete = (list: TermList) =>
    modal.confirm({
      title: `确定删除词表“${list.name}”吗？`,
      content: '删除后校对时将不再使用该词表。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await remove.mutateAsync(list.id);
          message.success('词表已删除');
        } catch (err) {
          handleError(err);
        }
      },
    });

  const columns: TableColumnsType<TermList> = [
    {
      title: '词表名称',
      dataIndex: 'name',
      render: (name: string, list) => (
        <Space direction="vertical" size={0}>
          <Typography.Link onClick={() => setVersionsOf(list.id)}>{name}</Typography.Link>
          {list.remark ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {list.remark}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    { title: '所属单位', dataIndex: 'unitName', width: 200 },
    {
      title: '当前版本',
      dataIndex: 'currentVersionNumber',
      width: 110,
      render: (n: number | null) => (n === null ? <Tag>未上传</Tag> : `第 ${n} 版`),
    },
    { title: '词条数', dataIndex: 'entryCount', width: 100 },
    {
      title: '更新时间',
      dataIndex: 'updatedAt',
      width: 170,
      render: (at: string) => formatDateTime(at),
    },
    {
      title: '操作',
      key: 'actions',
      width: 300,
      render: (_, list) => (
        <Space size={0} wrap>
          {can(PROOFREAD_PERM.termsEdit) ? (
            <Button
              type="link"
              size="small"
              onClick={() => setUploading(list)}
              data-testid="term-list-upload"
            >
              上传新版本
            </Button>
          ) : null}
          <Button type="link" size="small" onClick={() => setVersionsOf(list.id)}>
            版本
          </Button>
          <Button
            type="link"
            size="small"
            disabled={list.currentVersionId === null}
            onClick={() => void downloadTermList(list).catch((e: unknown) => handleError(e))}
          >
            导出
          </Button>
          {can(PROOFREAD_PERM.termsEdit) ? (
            <Button type="link" size="small" onClick={() => setFormTarget({ mode: 'edit', list })}>
              重命名
            </Button>
          ) : null}
          {can(PROOFREAD_PERM.termsRemove) ? (
            <Button type="link" size="small" danger onClick={() => confirmDelete(list)}>
              删除
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <PageContainer
      title="词表管理"
      breadcrumb={[{ title: '公文校对', path: '/proofread' }, { title: '词表管理' }]}
      description="本单位的禁用、慎用、推荐用语。校对时默认使用本单位的全部词表；每次上传生成新版本，可查看历史版本并回滚。"
    >
      <div className="tz-table-card">
        <div className="tz-table-toolbar">
          <Space>
            <Typography.Text strong>词表</Typography.Text>
            <Input.Search
              allowClear
              placeholder="搜索词表名称或单位"
              onSearch={setKeyword}
              onChange={(event) => setKeyword(event.target.value)}
              style={{ width: 240 }}
            />
          </Space>
          <Space>
            <Dropdown
              menu={{
                items: [
                  { key: 'xlsx', label: 'Excel 模板（.xlsx）' },
                  { key: 'tsv', label: '文本模板（.tsv）' },
                ],
                onClick: ({ key }) =>
                  void downloadTemplate(key === 'tsv' ? 'tsv' : 'xlsx').catch((e: unknown) =>
                    handleError(e),
                  ),
              }}
            >
              <Button icon={<DownloadOutlined />}>下载模板</Button>
            </Dropdown>
            {can(PROOFREAD_PERM.termsAdd) ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setFormTarget({ mode: 'create' })}
                data-testid="term-list-create"
              >
                新建词表
              </Button>
            ) : null}
          </Space>
        </div>
        {error ? <QueryErrorAlert error={error} onRetry={() => void refetch()} /> : null}
        <div data-testid="term-lists-table">
          <Table<TermList>
            rowKey="id"
            columns={columns}
            dataSource={lists}
            loading={isFetching}
            pagination={{
              pageSize: 20,
              hideOnSinglePage: true,
              showTotal: (t) => `共 ${t} 个词表`,
            }}
            scroll={{ x: 960 }}
            locale={{
              emptyText: error
                ? '数据加载失败'
                : keyword
                  ? '没有匹配的词表'
                  : '暂无词表，请先新建词表并上传词条',
            }}
          />
        </div>
      </div>
      <TermListFormModal target={formTarget} onClose={() => setFormTarget(null)} />
      <TermUploadModal list={uploading} onClose={() => setUploading(null)} />
      <TermListVersionsDrawer list={versionsList} onClose={() => setVersionsOf(null)} />
    </PageContainer>
  );
}

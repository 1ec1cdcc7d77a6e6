import { useState } from 'react';
import {
  App,
  AutoComplete,
  Button,
  Checkbox,
  Form,
  Input,
  Segmented,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import {
  DeleteOutlined,
  DownloadOutlined,
  PaperClipOutlined,
  PlusOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { Id } from '../../api/types';
import { PageContainer } from '../../components/page-container';
import { SearchBar } from '../../components/search-bar';
import { formatDate, formatDateTime } from '../../lib/format';
import { useApiErrorHandler } from '../../lib/use-api-error';
import { useListParams } from '../../lib/use-list-params';
import { useAuth } from '../auth/use-auth';
import { UnitTreeSelect } from '../units/unit-tree-select';
import { ActivityFormModal } from './activity-form-modal';
import type { ActivityFormTarget } from './activity-form-modal';
import { ImportModal } from './import-modal';
import { ActivityTypeTag } from './ledger-labels';
import { LEDGER_PERM } from './ledger-permissions';
import { apiUrl } from '../../api/api-client';
import { downloadFile } from '../../api/file-transfer';
import {
  useActivities,
  useDeleteActivity,
  useLedgerVocabulary,
  useRestoreActivity,
} from './ledger.api';
import { ACTIVITY_TYPE_LABELS, ACTIVITY_TYPES } from './ledger.types';
import type { ActivityListItem, ActivityQuery, ActivityType } from './ledger.types';
import { PeriodPicker } from './period-picker';
import { periodOf, periodQuery } from './period';
import type { PeriodValue } from './period';
import { PagedTable } from '../../components/paged-table';

interface LedgerFilters {
  q?: string;
  unitId?: Id;
  includeSubunits?: boolean;
  type?: ActivityType;
  subtype?: string;
  period?: PeriodValue;
  area?: string;
}

type View = 'live' | 'bin';

function toQuery(filters: LedgerFilters): ActivityQuery {
  const { period, q, subtype, ...rest } = filters;
  return {
    ...rest,
    ...periodQuery(period),
    q: q?.trim() || undefined,
    subtype: subtype?.trim() || undefined,
  };
}

/** 台账记录: the filtered, searchable list of records, with import, export and the recycle bin. */
export function LedgerPage() {
  const { user, can } = useAuth();
  const { modal, message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [view, setView] = useState<View>('live');
  const initialFilters: LedgerFilters = { includeSubunits: true, period: periodOf('all') };
  const list = useListParams<LedgerFilters>(initialFilters, '-date');
  const { page, pageSize, sort, ...filters } = list.query;
  const query: ActivityQuery = {
    page,
    pageSize,
    sort,
    ...toQuery(filters),
    ...(view === 'bin' ? { deleted: 'only' as const } : {}),
  };
  const { data, isFetching, error, refetch } = useActivities(query);
  const { data: vocabulary } = useLedgerVocabulary();
  const deleteActivity = useDeleteActivity();
  const restoreActivity = useRestoreActivity();
  const [formTarget, setFormTarget] = useState<ActivityFormTarget | null>(null);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);

  const exportList = async () => {
    setExporting(true);
    try {
      const { page: _page, pageSize: _size, ...rest } = query;
      await downloadFile(apiUrl('/activities/export.xlsx', { ...rest }), '台账记录.xlsx');
    } catch (err) {
      handleError(err);
    } finally {
      setExporting(false);
    }
  };

  const confirmDelete = (record: ActivityListItem) => {
    modal.confirm({
      title: `确定删除记录“${record.title}”吗？`,
      content: '删除后记录移入回收站，不再计入落实情况和报告，可在回收站中恢复。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await deleteActivity.mutateAsync({ id: record.id, version: record.version });
          message.success('记录已移入回收站');
        } catch (err) {
          handleError(err);
        }
      },
    });
  };

  const restore = async (record: ActivityListItem) => {
    try {
      await restoreActivity.mutateAsync(record.id);
      message.success('记录已恢复');
    } catch (err) {
      handleError(err);
    }
  };

  const columns: TableColumnsType<ActivityListItem> = [
    {
      title: '日期',
      dataIndex: 'date',
      key: 'date',
      width: 150,
      sorter: true,
      sortOrder: list.sortOrderOf('date'),
      render: (value: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(value)}</span>,
    },
    {
      title: '类型',
      dataIndex: 'type',
      key: 'type',
      width: 80,
      sorter: true,
      sortOrder: list.sortOrderOf('type'),
      render: (value: string) => <ActivityTypeTag type={value} />,
    },
    { title: '类别', dataIndex: 'subtype', key: 'subtype', width: 140, ellipsis: true },
    {
      title: '标题',
      dataIndex: 'title',
      key: 'title',
      sorter: true,
      sortOrder: list.sortOrderOf('title'),
      ellipsis: true,
      render: (value: string, record) =>
        view === 'bin' ? value : <Link to={`/ledger/${record.id}`}>{value}</Link>,
    },
    { title: '所属单位', dataIndex: 'unitName', key: 'unitName', width: 200, ellipsis: true },
    {
      title: '工作领域',
      dataIndex: 'areas',
      key: 'areas',
      width: 150,
      render: (areas: string[]) =>
        areas.length ? (
          areas.map((a) => <Tag key={a}>{a}</Tag>)
        ) : (
          <span className="tz-muted">—</span>
        ),
    },
    {
      title: '材料',
      dataIndex: 'evidenceCount',
      key: 'evidenceCount',
      width: 70,
      align: 'center',
      render: (count: number) =>
        count ? (
          <span title={`${count} 个证明材料`}>
            <PaperClipOutlined /> {count}
          </span>
        ) : (
          <span className="tz-muted">—</span>
        ),
    },
  ];
  if (view === 'bin') {
    columns.push({
      title: '删除时间',
      dataIndex: 'deletedAt',
      key: 'deletedAt',
      width: 170,
      render: (value: string | null) => formatDateTime(value),
    });
  }
  if (can(LEDGER_PERM.remove)) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 90,
      fixed: 'right',
      render: (_, record) =>
        view === 'bin' ? (
          <Button type="link" size="small" onClick={() => void restore(record)}>
            恢复
          </Button>
        ) : (
          <Button type="link" size="small" danger onClick={() => confirmDelete(record)}>
            删除
          </Button>
        ),
    });
  }

  return (
    <PageContainer
      title="台账记录"
      breadcrumb={[{ title: '工作台账' }, { title: '台账记录' }]}
      description="会议、学习、宣传、活动、培训随做随记，落实情况和工作报告都从这里取数。"
      extra={
        can(LEDGER_PERM.add) ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() =>
              setFormTarget({
                mode: 'create',
                unitId: list.params.filters.unitId ?? user.unitId ?? undefined,
              })
            }
            data-testid="ledger-create"
          >
            记一笔
          </Button>
        ) : null
      }
    >
      <div data-testid="ledger-page">
        <SearchBar<LedgerFilters> initialValues={initialFilters} onSearch={list.setFilters}>
          <Form.Item name="q" label="搜索">
            <Input
              placeholder="标题、摘要、主题，如：研判"
              allowClear
              style={{ width: 220 }}
              data-testid="ledger-search"
            />
          </Form.Item>
          <Form.Item name="unitId" label="单位">
            <UnitTreeSelect style={{ width: 220 }} placeholder="全部单位" />
          </Form.Item>
          <Form.Item name="includeSubunits" valuePropName="checked">
            <Checkbox>含下级</Checkbox>
          </Form.Item>
          <Form.Item name="type" label="类型">
            <Select<ActivityType>
              allowClear
              placeholder="全部"
              style={{ width: 100 }}
              options={ACTIVITY_TYPES.map((t) => ({ value: t, label: ACTIVITY_TYPE_LABELS[t] }))}
            />
          </Form.Item>
          <Form.Item name="subtype" label="类别">
            <AutoComplete
              allowClear
              placeholder="全部"
              style={{ width: 140 }}
              options={(vocabulary?.types ?? []).flatMap((t) =>
                t.subtypes.map((s) => ({ value: s, label: `${s}（${t.label}）` })),
              )}
            />
          </Form.Item>
          <Form.Item name="period" label="期间">
            <PeriodPicker testId="ledger-period" />
          </Form.Item>
          <Form.Item name="area" label="领域">
            <Select<string>
              allowClear
              placeholder="全部"
              style={{ width: 120 }}
              options={(vocabulary?.areas ?? []).map((a) => ({ value: a, label: a }))}
            />
          </Form.Item>
        </SearchBar>
        <div className="tz-table-card">
          <div className="tz-table-toolbar">
            <Space>
              <Segmented<View>
                value={view}
                onChange={(next) => setView(next)}
                options={[
                  { value: 'live', label: '台账记录' },
                  ...(can(LEDGER_PERM.remove)
                    ? [{ value: 'bin' as const, label: '回收站', icon: <DeleteOutlined /> }]
                    : []),
                ]}
                data-testid="ledger-view"
              />
              {data ? (
                <Typography.Text type="secondary">
                  {view === 'bin' ? '已删除' : '共'} {data.total} 条
                </Typography.Text>
              ) : null}
            </Space>
            <Space>
              {can(LEDGER_PERM.import) ? (
                <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                  导入
                </Button>
              ) : null}
              {can(LEDGER_PERM.export) && view === 'live' ? (
                <Button
                  icon={<DownloadOutlined />}
                  loading={exporting}
                  disabled={!data?.total}
                  onClick={() => void exportList()}
                >
                  导出 Excel
                </Button>
              ) : null}
            </Space>
          </div>
          <PagedTable<ActivityListItem>
            list={list}
            query={{ data, error, isFetching, refetch }}
            emptyText={
              view === 'bin' ? '回收站是空的' : '暂无符合条件的记录，点击右上角“记一笔”开始记录'
            }
            rowKey="id"
            columns={columns}
            scroll={{ x: 1000 }}
            data-testid="ledger-table"
          />
        </div>
      </div>
      <ActivityFormModal target={formTarget} onClose={() => setFormTarget(null)} />
      <ImportModal open={importing} onClose={() => setImporting(false)} />
    </PageContainer>
  );
}

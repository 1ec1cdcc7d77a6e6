import { useState } from 'react';
import { App, Button, Card, Empty, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CopyOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { PageContainer } from '../../components/page-container';
import { QueryErrorAlert } from '../../components/query-error';
import { formatDateTime } from '../../lib/format';
import { useApiErrorHandler } from '../../lib/use-api-error';
import { yearOptions } from '../../lib/years';
import { useAuth } from '../auth/use-auth';
import { cadenceText, evidenceText, monthDayText } from './framework-labels';
import { AreaFormModal, CopyFrameworkModal, RenameFrameworkModal } from './framework-modals';
import type { AreaFormTarget } from './framework-modals';
import { FRAMEWORK_PERM } from './framework-permissions';
import { useDeleteArea, useDeleteRequirement, useFrameworkOfYear } from './framework.api';
import type { Framework, FrameworkArea, Requirement } from './framework.types';
import { RequirementFormModal } from './requirement-form-modal';
import type { RequirementFormTarget } from './requirement-form-modal';

type Row =
  | { kind: 'area'; key: string; area: FrameworkArea; children: Row[] }
  | { kind: 'requirement'; key: string; requirement: Requirement };

function rowsOf(framework: Framework): Row[] {
  return framework.areas.map((area) => ({
    kind: 'area',
    key: `a${area.id}`,
    area,
    children: area.requirements.map((requirement) => ({
      kind: 'requirement',
      key: `r${requirement.id}`,
      requirement,
    })),
  }));
}

/** 责任清单: the year's framework as areas → requirements, editable with the permission. */
export function FrameworkPage() {
  const { can } = useAuth();
  const { modal, message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [year, setYear] = useState(new Date().getFullYear());
  const { data: framework, isPending, error, refetch } = useFrameworkOfYear(year);
  const deleteArea = useDeleteArea();
  const deleteRequirement = useDeleteRequirement();
  const [areaTarget, setAreaTarget] = useState<AreaFormTarget | null>(null);
  const [requirementTarget, setRequirementTarget] = useState<RequirementFormTarget | null>(null);
  const [copying, setCopying] = useState(false);
  const [renaming, setRenaming] = useState(false);
  const canAdd = can(FRAMEWORK_PERM.add);
  const canEdit = can(FRAMEWORK_PERM.edit);
  const canRemove = can(FRAMEWORK_PERM.remove);

  const confirmRemove = (title: string, content: string, run: () => Promise<unknown>) =>
    modal.confirm({
      title,
      content,
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await run();
          message.success('已删除');
        } catch (err) {
          handleError(err);
        }
      },
    });

  const columns: TableColumnsType<Row> = [
    {
      title: '领域 / 要求',
      key: 'title',
      render: (_, row) =>
        row.kind === 'area' ? (
          <Typography.Text strong>
            {row.area.name}
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginLeft: 8 }}>
              {row.area.requirements.length} 项
            </Typography.Text>
          </Typography.Text>
        ) : (
          <div>
            <div>{row.requirement.title}</div>
            {row.requirement.description ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {row.requirement.description}
              </Typography.Text>
            ) : null}
          </div>
        ),
    },
    {
      title: '周期与次数',
      key: 'cadence',
      width: 150,
      render: (_, row) => (row.kind === 'requirement' ? cadenceText(row.requirement) : null),
    },
    {
      title: '截止日期',
      key: 'deadlines',
      width: 130,
      render: (_, row) =>
        row.kind === 'requirement'
          ? row.requirement.deadlines.length
            ? row.requirement.deadlines.map(monthDayText).join('、')
            : '周期末'
          : null,
    },
    {
      title: '计入的记录',
      key: 'evidence',
      width: 240,
      render: (_, row) =>
        row.kind === 'requirement' ? (
          row.requirement.tracking === 'not_tracked' ? (
            <Tag>未纳入统计</Tag>
          ) : (
            evidenceText(row.requirement)
          )
        ) : null,
    },
    {
      title: '适用单位',
      key: 'unitTypes',
      width: 150,
      render: (_, row) =>
        row.kind === 'requirement'
          ? row.requirement.unitTypes.length
            ? row.requirement.unitTypes.join('、')
            : '所有单位'
          : null,
    },
  ];
  if (canAdd || canEdit || canRemove) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 190,
      render: (_, row) =>
        row.kind === 'area' ? (
          <Space size={0}>
            {canAdd ? (
              <Button
                type="link"
                size="small"
                onClick={() => setRequirementTarget({ mode: 'create', areaId: row.area.id })}
              >
                新增要求
              </Button>
            ) : null}
            {canEdit ? (
              <Button
                type="link"
                size="small"
                onClick={() => setAreaTarget({ mode: 'edit', area: row.area })}
              >
                编辑
              </Button>
            ) : null}
            {canRemove ? (
              <Button
                type="link"
                size="small"
                danger
                onClick={() =>
                  confirmRemove(
                    `确定删除领域“${row.area.name}”吗？`,
                    row.area.requirements.length
                      ? '该领域下还有要求，须先删除或移走这些要求。'
                      : '删除后不可恢复。',
                    () => deleteArea.mutateAsync(row.area.id),
                  )
                }
              >
                删除
              </Button>
            ) : null}
          </Space>
        ) : (
          <Space size={0}>
            {canEdit ? (
              <Button
                type="link"
                size="small"
                onClick={() => setRequirementTarget({ mode: 'edit', requirement: row.requirement })}
              >
                编辑
              </Button>
            ) : null}
            {canRemove ? (
              <Button
                type="link"
                size="small"
                danger
                onClick={() =>
                  confirmRemove(
                    `确定删除要求“${row.requirement.title}”吗？`,
                    '删除后该要求不再参与本年度的落实情况统计。',
                    () => deleteRequirement.mutateAsync(row.requirement.id),
                  )
                }
              >
                删除
              </Button>
            ) : null}
          </Space>
        ),
    });
  }

  return (
    <PageContainer
      title="责任清单"
      breadcrumb={[{ title: '责任落实' }, { title: '责任清单' }]}
      description="意识形态工作责任制实施细则：各领域的要求、周期和计入的台账记录。落实情况按此自动判定。"
      extra={
        <Space>
          <Select<number>
            value={year}
            onChange={setYear}
            options={yearOptions()}
            style={{ width: 110 }}
            data-testid="framework-year"
          />
          {framework && canAdd ? (
            <Button icon={<CopyOutlined />} onClick={() => setCopying(true)}>
              复制到新年度
            </Button>
          ) : null}
          {framework && canAdd ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setAreaTarget({ mode: 'create' })}
            >
              新增领域
            </Button>
          ) : null}
        </Space>
      }
    >
      <Card variant="borderless" data-testid="framework-page">
        {error ? <QueryErrorAlert error={error} onRetry={() => void refetch()} /> : null}
        {isPending ? <Skeleton active paragraph={{ rows: 10 }} /> : null}
        {framework ? (
          <>
            <Space style={{ marginBottom: 12 }} wrap>
              <Typography.Title level={5} style={{ margin: 0 }}>
                {framework.name}
              </Typography.Title>
              {canEdit ? (
                <Button
                  type="text"
                  size="small"
                  icon={<EditOutlined />}
                  aria-label="修改名称"
                  onClick={() => setRenaming(true)}
                />
              ) : null}
              <Typography.Text type="secondary">
                {framework.areaCount} 个领域，{framework.requirementCount} 项要求 · 更新于{' '}
                {formatDateTime(framework.updatedAt)}
              </Typography.Text>
              {!canEdit ? <Tag>只读</Tag> : null}
            </Space>
            <Table<Row>
              key={framework.id}
              rowKey="key"
              size="middle"
              columns={columns}
              dataSource={rowsOf(framework)}
              pagination={false}
              expandable={{ defaultExpandAllRows: true, indentSize: 20 }}
              scroll={{ x: 1000 }}
              locale={{
                emptyText: <Empty description="该年度框架还没有领域" />,
              }}
              data-testid="framework-tree"
            />
          </>
        ) : null}
      </Card>
      {framework ? (
        <>
          <AreaFormModal
            framework={framework}
            target={areaTarget}
            onClose={() => setAreaTarget(null)}
          />
          <RequirementFormModal
            framework={framework}
            target={requirementTarget}
            onClose={() => setRequirementTarget(null)}
          />
          <CopyFrameworkModal
            framework={framework}
            open={copying}
            onClose={() => setCopying(false)}
            onCopied={setYear}
          />
          <RenameFrameworkModal
            framework={framework}
            open={renaming}
            onClose={() => setRenaming(false)}
          />
        </>
      ) : null}
    </PageContainer>
  );
}

import { useState } from 'react';
import { App, Button, Checkbox, Form, Input, Space, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Id, Person } from '../../api/types';
import { SearchBar } from '../../components/search-bar';
import { formatDate } from '../../lib/format';
import { PERM } from '../../lib/permissions';
import { useApiErrorHandler } from '../../lib/use-api-error';
import { useListParams } from '../../lib/use-list-params';
import { useAuth } from '../auth/use-auth';
import { UnitTreeSelect } from '../units/unit-tree-select';
import { useDeletePerson, usePeople } from './people.api';
import { PersonFormModal } from './person-form-modal';
import type { PersonFormTarget } from './person-form-modal';
import { PagedTable } from '../../components/paged-table';

interface PeopleFilters {
  keyword?: string;
  unitId?: Id;
  includeSubunits?: boolean;
}

interface PeopleTableProps {
  /** Shows only this unit's people (the unit detail views); otherwise a unit filter is shown. */
  fixedUnitId?: Id;
  compact?: boolean;
}

/** People list with search, unit filter, sorting and paging, plus create/edit/delete. */
export function PeopleTable({ fixedUnitId, compact = false }: PeopleTableProps) {
  const { can } = useAuth();
  const { modal, message } = App.useApp();
  const handleError = useApiErrorHandler();
  const initialFilters: PeopleFilters = { includeSubunits: fixedUnitId === undefined };
  const list = useListParams<PeopleFilters>(initialFilters);
  const query =
    fixedUnitId !== undefined
      ? { ...list.query, unitId: fixedUnitId, includeSubunits: list.query.includeSubunits }
      : list.query;
  const { data, isFetching, error, refetch } = usePeople(query);
  const deletePerson = useDeletePerson();
  const [formTarget, setFormTarget] = useState<PersonFormTarget | null>(null);

  const confirmDelete = (person: Person) => {
    modal.confirm({
      title: `确定删除人员“${person.name}”吗？`,
      content: '删除后该人员不再出现在人员名单和责任分工中，历史记录仍予保留。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await deletePerson.mutateAsync(person.id);
          message.success('人员已删除');
        } catch (err) {
          handleError(err);
        }
      },
    });
  };

  const columns: TableColumnsType<Person> = [
    {
      title: '姓名',
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: list.sortOrderOf('name'),
      width: 120,
    },
    {
      title: '职务',
      dataIndex: 'post',
      key: 'post',
      ellipsis: true,
      sorter: true,
      sortOrder: list.sortOrderOf('post'),
    },
    { title: '性别', dataIndex: 'gender', key: 'gender', width: 70, render: (v) => v ?? '—' },
    ...(fixedUnitId === undefined || list.params.filters.includeSubunits
      ? [
          {
            title: '所属单位',
            dataIndex: 'unitName',
            // Sorting by unit orders people by their unit; the API sorts on `unitId`.
            key: 'unitId',
            sorter: true,
            sortOrder: list.sortOrderOf('unitId'),
            ellipsis: true,
          },
        ]
      : []),
    { title: '办公电话', dataIndex: 'phone', key: 'phone', width: 140, render: (v) => v ?? '—' },
    {
      title: '更新时间',
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      width: 150,
      render: (value: string) => formatDate(value),
    },
  ];
  if (can(PERM.personEdit) || can(PERM.personRemove)) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 120,
      fixed: 'right',
      render: (_, person) => (
        <Space size={0}>
          {can(PERM.personEdit) ? (
            <Button
              type="link"
              size="small"
              onClick={() => setFormTarget({ mode: 'edit', person })}
            >
              编辑
            </Button>
          ) : null}
          {can(PERM.personRemove) ? (
            <Button type="link" size="small" danger onClick={() => confirmDelete(person)}>
              删除
            </Button>
          ) : null}
        </Space>
      ),
    });
  }

  return (
    <div data-testid="people-table">
      {compact ? null : (
        <SearchBar<PeopleFilters> initialValues={initialFilters} onSearch={list.setFilters}>
          <Form.Item name="keyword" label="关键词">
            <Input
              placeholder="姓名或职务"
              allowClear
              style={{ width: 200 }}
              data-testid="people-search-keyword"
            />
          </Form.Item>
          {fixedUnitId === undefined ? (
            <Form.Item name="unitId" label="所属单位">
              <UnitTreeSelect style={{ width: 240 }} placeholder="全部单位" />
            </Form.Item>
          ) : null}
          <Form.Item name="includeSubunits" valuePropName="checked">
            <Checkbox>包含下级单位</Checkbox>
          </Form.Item>
        </SearchBar>
      )}
      <div className={compact ? undefined : 'tz-table-card'}>
        <div className="tz-table-toolbar">
          <Typography.Text strong>人员名单</Typography.Text>
          <Space>
            {compact ? (
              <Input.Search
                placeholder="搜索姓名或职务"
                allowClear
                onSearch={(keyword) => list.setFilters({ ...list.params.filters, keyword })}
                style={{ width: 200 }}
              />
            ) : null}
            {can(PERM.personAdd) ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setFormTarget({ mode: 'create', unitId: fixedUnitId })}
                data-testid="person-create"
              >
                新增人员
              </Button>
            ) : null}
          </Space>
        </div>
        <PagedTable<Person>
          list={list}
          query={{ data, error, isFetching, refetch }}
          emptyText="暂无人员"
          rowKey="id"
          size={compact ? 'small' : 'middle'}
          columns={columns}
          scroll={{ x: 760 }}
        />
      </div>
      <PersonFormModal target={formTarget} onClose={() => setFormTarget(null)} />
    </div>
  );
}

import { useMemo } from 'react';
import { Button, Empty, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import type { Id, Person } from '../../api/types';
import { usePeople } from '../people/people.api';

/** One row of the attendance list as edited in the form. */
export interface AttendanceRow {
  personId?: Id;
  name: string;
  present: boolean;
  reason?: string;
}

interface AttendanceEditorProps {
  unitId: Id | undefined;
}

/**
 * 出席情况: people of the unit (and its subunits) picked from the roster or typed in, each
 * present or absent; an absence needs a reason, as the server and 中心组学习 rules require.
 */
export function AttendanceEditor({ unitId }: AttendanceEditorProps) {
  const form = Form.useFormInstance();
  const rows = (Form.useWatch('attendance', form) as AttendanceRow[] | undefined) ?? [];
  const { data, isFetching } = usePeople(
    { unitId, includeSubunits: true, pageSize: 100, sort: 'unitId' },
    unitId !== undefined,
  );
  const people = useMemo(() => data?.items ?? [], [data]);
  const taken = new Set(rows.map((row) => row.personId).filter((id) => id !== undefined));
  const present = rows.filter((row) => row.present).length;

  const add = (list: Person[]) => {
    const current = (form.getFieldValue('attendance') as AttendanceRow[] | undefined) ?? [];
    const known = new Set(current.map((row) => row.personId));
    const added = list
      .filter((person) => !known.has(person.id))
      .map((person) => ({ personId: person.id, name: person.name, present: true }));
    form.setFieldValue('attendance', [...current, ...added]);
  };

  return (
    <div className="tz-attendance" data-testid="attendance-editor">
      <Space wrap style={{ marginBottom: 8 }}>
        <Button
          icon={<TeamOutlined />}
          disabled={unitId === undefined}
          onClick={() => add(people.filter((person) => person.unitId === unitId))}
          data-testid="attendance-add-unit"
        >
          添加本单位人员
        </Button>
        <Select<Id>
          showSearch
          value={null}
          placeholder={unitId === undefined ? '请先选择所属单位' : '从人员名单添加'}
          disabled={unitId === undefined}
          loading={isFetching}
          style={{ width: 240 }}
          optionFilterProp="label"
          notFoundContent="没有可添加的人员"
          options={people
            .filter((person) => !taken.has(person.id))
            .map((person) => ({
              value: person.id,
              label: `${person.name}（${person.unitName}）`,
            }))}
          onChange={(id) => add(people.filter((person) => person.id === id))}
          data-testid="attendance-pick"
        />
      </Space>
      <Form.List name="attendance">
        {(fields, { add: addRow, remove }) => (
          <>
            {fields.length === 0 ? (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description="尚未登记出席人员"
                style={{ margin: '8px 0' }}
              />
            ) : null}
            {fields.map((field, index) => {
              const row = rows[index];
              return (
                <Space
                  key={field.key}
                  align="baseline"
                  wrap
                  data-testid={`attendance-row-${index}`}
                >
                  <Form.Item name={[field.name, 'personId']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'name']}
                    rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}
                    style={{ marginBottom: 8 }}
                  >
                    <Input
                      placeholder="姓名"
                      style={{ width: 120 }}
                      readOnly={row?.personId !== undefined}
                      maxLength={50}
                      data-testid={`attendance-name-${index}`}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'present']} style={{ marginBottom: 8 }}>
                    <Radio.Group
                      optionType="button"
                      buttonStyle="solid"
                      size="small"
                      options={[
                        { value: true, label: '出席' },
                        { value: false, label: '缺席' },
                      ]}
                      data-testid={`attendance-present-${index}`}
                    />
                  </Form.Item>
                  {row && !row.present ? (
                    <Form.Item
                      name={[field.name, 'reason']}
                      rules={[{ required: true, whitespace: true, message: '缺席须填写原因' }]}
                      style={{ marginBottom: 8 }}
                    >
                      <Input
                        placeholder="缺席原因，如：公务出差"
                        style={{ width: 200 }}
                        maxLength={200}
                        data-testid={`attendance-reason-${index}`}
                      />
                    </Form.Item>
                  ) : null}
                  <Button
                    type="text"
                    size="small"
                    icon={<DeleteOutlined />}
                    aria-label="移除"
                    onClick={() => remove(field.name)}
                  />
                </Space>
              );
            })}
            <div>
              <Button
                type="dashed"
                size="small"
                icon={<PlusOutlined />}
                onClick={() => addRow({ name: '', present: true })}
              >
                添加名单外人员
              </Button>
              {rows.length > 0 ? (
                <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
                  应到 {rows.length} 人，实到 {present} 人，缺席 {rows.length - present} 人
                </Typography.Text>
              ) : null}
            </div>
          </>
        )}
      </Form.List>
    </div>
  );
}

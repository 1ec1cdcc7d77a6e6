import { useMemo } from 'react';
import { Checkbox, Form, Select } from 'antd';
import { FormModal } from '../../components/form-modal';
import { RESPONSIBILITY_ROLES, WORK_AREAS } from '../../api/types';
import type { Id, Responsibility, ResponsibilityRole } from '../../api/types';
import { usePeople } from '../people/people.api';
import { useSaveResponsibility } from './responsibilities.api';

export type ResponsibilityFormTarget =
  { mode: 'create'; unitId: Id; year: number } | { mode: 'edit'; responsibility: Responsibility };

interface ResponsibilityFormValues {
  personId: Id;
  role: ResponsibilityRole;
  areas?: string[];
}

export const ROLE_HINTS: Record<ResponsibilityRole, string> = {
  第一责任人: '党组织书记，对本单位意识形态工作负总责',
  直接责任人: '班子成员，对分管领域的意识形态工作负直接责任',
  一岗双责: '其他班子成员，抓好业务工作的同时抓好分管范围内的意识形态工作',
};

export function ResponsibilityFormModal({
  target,
  onClose,
}: {
  target: ResponsibilityFormTarget | null;
  onClose: () => void;
}) {
  const save = useSaveResponsibility();
  const editing = target?.mode === 'edit' ? target.responsibility : null;
  const unitId = target?.mode === 'create' ? target.unitId : editing?.unitId;
  const { data: people, isPending } = usePeople(
    { unitId, pageSize: 100, sort: 'name' },
    target?.mode === 'create',
  );

  const personOptions = useMemo(() => {
    if (editing)
      return [{ value: editing.personId, label: `${editing.personName}（${editing.post}）` }];
    return (people?.items ?? []).map((person) => ({
      value: person.id,
      label: `${person.name}（${person.post}）`,
    }));
  }, [editing, people]);

  const initialValues = useMemo<Partial<ResponsibilityFormValues>>(
    () =>
      editing
        ? { personId: editing.personId, role: editing.role, areas: editing.areas }
        : { role: '直接责任人', areas: [] },
    [editing],
  );

  const submit = async (values: ResponsibilityFormValues) => {
    // The first responsible person answers for everything; no separate areas are recorded.
    const areas = values.role === '第一责任人' ? [] : (values.areas ?? []);
    if (editing) {
      await save.mutateAsync({
        id: editing.id,
        version: editing.version,
        input: { role: values.role, areas },
      });
    } else if (target?.mode === 'create') {
      await save.mutateAsync({
        input: {
          unitId: target.unitId,
          year: target.year,
          personId: values.personId,
          role: values.role,
          areas,
        },
      });
    }
  };

  return (
    <FormModal<ResponsibilityFormValues>
      title={editing ? `编辑责任分工：${editing.personName}` : '新增责任分工'}
      open={target !== null}
      onClose={onClose}
      onSubmit={submit}
      initialValues={initialValues}
      width={620}
      testId="responsibility-form"
    >
      <Form.Item
        name="personId"
        label="责任人"
        rules={[{ required: true, message: '请选择责任人' }]}
      >
        <Select
          showSearch
          optionFilterProp="label"
          disabled={editing !== null}
          loading={isPending && !editing}
          options={personOptions}
          placeholder="请选择本单位人员"
          notFoundContent="本单位暂无人员，请先在人员管理中添加"
        />
      </Form.Item>
      <Form.Item
        name="role"
        label="责任类型"
        rules={[{ required: true, message: '请选择责任类型' }]}
        extra={
          <Form.Item noStyle shouldUpdate={(prev, next) => prev.role !== next.role}>
            {({ getFieldValue }) => {
              const role = getFieldValue('role') as ResponsibilityRole | undefined;
              return role ? ROLE_HINTS[role] : null;
            }}
          </Form.Item>
        }
      >
        <Select options={RESPONSIBILITY_ROLES.map((role) => ({ value: role, label: role }))} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(prev, next) => prev.role !== next.role}>
        {({ getFieldValue }) =>
          getFieldValue('role') === '第一责任人' ? null : (
            <Form.Item
              name="areas"
              label="分管领域"
              rules={[
                {
                  validator: (_, value: string[] | undefined) =>
                    getFieldValue('role') === '直接责任人' && (!value || value.length === 0)
                      ? Promise.reject(new Error('直接责任人须选择至少一个分管领域'))
                      : Promise.resolve(),
                },
              ]}
            >
              <Checkbox.Group
                options={WORK_AREAS.map((area) => ({ value: area, label: area }))}
                className="tz-checkbox-grid"
              />
            </Form.Item>
          )
        }
      </Form.Item>
    </FormModal>
  );
}

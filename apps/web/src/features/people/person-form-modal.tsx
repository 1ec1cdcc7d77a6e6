import { useMemo } from 'react';
import { Form, Input, Radio } from 'antd';
import { FormModal } from '../../components/form-modal';
import type { Gender, Id, Person, PersonInput } from '../../api/types';
import { UnitTreeSelect } from '../units/unit-tree-select';
import { useSavePerson } from './people.api';

export type PersonFormTarget = { mode: 'create'; unitId?: Id } | { mode: 'edit'; person: Person };

interface PersonFormValues {
  unitId: Id;
  name: string;
  post: string;
  gender?: Gender | null;
  phone?: string;
  remark?: string;
}

// Same rule as the server: digits, +, - and spaces, 5–20 characters.
const PHONE_PATTERN = /^[0-9+\- ]{5,20}$/;

export function PersonFormModal({
  target,
  onClose,
}: {
  target: PersonFormTarget | null;
  onClose: () => void;
}) {
  const savePerson = useSavePerson();
  const editing = target?.mode === 'edit' ? target.person : null;

  const initialValues = useMemo<Partial<PersonFormValues>>(() => {
    if (!target) return {};
    if (target.mode === 'create') return { unitId: target.unitId };
    const { person } = target;
    return {
      unitId: person.unitId,
      name: person.name,
      post: person.post,
      gender: person.gender,
      phone: person.phone ?? '',
      remark: person.remark ?? '',
    };
  }, [target]);

  const submit = async (values: PersonFormValues) => {
    const input: PersonInput = {
      unitId: values.unitId,
      name: values.name.trim(),
      post: values.post.trim(),
      gender: values.gender ?? null,
      phone: values.phone?.trim() ? values.phone.trim() : null,
      remark: values.remark?.trim() ?? '',
    };
    await savePerson.mutateAsync(
      editing ? { id: editing.id, version: editing.version, input } : { input },
    );
  };

  return (
    <FormModal<PersonFormValues>
      title={editing ? `编辑人员：${editing.name}` : '新增人员'}
      open={target !== null}
      onClose={onClose}
      onSubmit={submit}
      initialValues={initialValues}
      successMessage={editing ? '人员信息已更新' : '人员已添加'}
      testId="person-form"
    >
      <Form.Item
        name="unitId"
        label="所属单位"
        rules={[{ required: true, message: '请选择所属单位' }]}
      >
        <UnitTreeSelect allowClear={false} data-testid="person-form-unit" />
      </Form.Item>
      <Form.Item
        name="name"
        label="姓名"
        rules={[
          { required: true, whitespace: true, message: '请输入姓名' },
          { max: 50, message: '姓名不能超过 50 个字' },
        ]}
      >
        <Input placeholder="请输入姓名" maxLength={50} data-testid="person-form-name" />
      </Form.Item>
      <Form.Item
        name="post"
        label="职务"
        rules={[
          { required: true, whitespace: true, message: '请输入职务' },
          { max: 100, message: '职务不能超过 100 个字' },
        ]}
      >
        <Input
          placeholder="如：党支部书记、宣传委员"
          maxLength={100}
          data-testid="person-form-post"
        />
      </Form.Item>
      <Form.Item name="gender" label="性别">
        <Radio.Group
          options={[
            { value: '男', label: '男' },
            { value: '女', label: '女' },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="phone"
        label="办公电话"
        rules={[{ pattern: PHONE_PATTERN, message: '请输入正确的电话号码' }]}
      >
        <Input placeholder="选填" maxLength={30} />
      </Form.Item>
      <Form.Item
        name="remark"
        label="备注"
        rules={[{ max: 500, message: '备注不能超过 500 个字' }]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount placeholder="选填" />
      </Form.Item>
    </FormModal>
  );
}

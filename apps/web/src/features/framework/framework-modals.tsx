import { useMemo } from 'react';
import { Form, Input, InputNumber, Select } from 'antd';
import { FormModal } from '../../components/form-modal';
import { yearOptions } from '../../lib/years';
import { useCreateFramework, useRenameFramework, useSaveArea } from './framework.api';
import type { Framework, FrameworkArea } from './framework.types';

export type AreaFormTarget = { mode: 'create' } | { mode: 'edit'; area: FrameworkArea };

/** 新增 / 编辑领域. */
export function AreaFormModal({
  framework,
  target,
  onClose,
}: {
  framework: Framework;
  target: AreaFormTarget | null;
  onClose: () => void;
}) {
  const save = useSaveArea();
  const area = target?.mode === 'edit' ? target.area : undefined;
  const initialValues = useMemo(
    () => (area ? { name: area.name, sortOrder: area.sortOrder } : {}),
    [area],
  );
  return (
    <FormModal<{ name: string; sortOrder?: number }>
      title={area ? `编辑领域：${area.name}` : '新增领域'}
      open={target !== null}
      onClose={onClose}
      initialValues={initialValues}
      onSubmit={async (values) => {
        await save.mutateAsync({
          frameworkId: framework.id,
          area,
          input: { name: values.name.trim(), sortOrder: values.sortOrder },
        });
      }}
      successMessage={area ? '领域已更新' : '领域已添加'}
      testId="area-form"
    >
      <Form.Item
        name="name"
        label="领域名称"
        rules={[
          { required: true, whitespace: true, message: '请填写领域名称' },
          { max: 50, message: '不能超过 50 个字' },
        ]}
      >
        <Input maxLength={50} placeholder="如：阵地管理" />
      </Form.Item>
      <Form.Item name="sortOrder" label="排序">
        <InputNumber min={0} max={100000} precision={0} />
      </Form.Item>
    </FormModal>
  );
}

/** 复制到新年度: a new year's framework starting from this one. */
export function CopyFrameworkModal({
  framework,
  open,
  onClose,
  onCopied,
}: {
  framework: Framework;
  open: boolean;
  onClose: () => void;
  onCopied: (year: number) => void;
}) {
  const create = useCreateFramework();
  const initialValues = useMemo(
    () => ({
      year: framework.year + 1,
      name: framework.name.replace(String(framework.year), String(framework.year + 1)),
    }),
    [framework],
  );
  return (
    <FormModal<{ year: number; name: string }>
      title={`复制“${framework.name}”到新年度`}
      open={open}
      onClose={onClose}
      initialValues={initialValues}
      onSubmit={async (values) => {
        const created = await create.mutateAsync({
          year: values.year,
          name: values.name.trim(),
          copyFromId: framework.id,
        });
        onCopied(created.year);
      }}
      successMessage="已复制到新年度"
      testId="framework-copy"
    >
      <Form.Item name="year" label="目标年度" rules={[{ required: true, message: '请选择年度' }]}>
        <Select options={yearOptions(framework.year + 1)} />
      </Form.Item>
      <Form.Item
        name="name"
        label="框架名称"
        rules={[
          { required: true, whitespace: true, message: '请填写名称' },
          { max: 200, message: '不能超过 200 个字' },
        ]}
      >
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

/** 修改框架名称. */
export function RenameFrameworkModal({
  framework,
  open,
  onClose,
}: {
  framework: Framework;
  open: boolean;
  onClose: () => void;
}) {
  const rename = useRenameFramework();
  const initialValues = useMemo(() => ({ name: framework.name }), [framework]);
  return (
    <FormModal<{ name: string }>
      title="修改框架名称"
      open={open}
      onClose={onClose}
      initialValues={initialValues}
      onSubmit={async (values) => {
        await rename.mutateAsync({
          id: framework.id,
          version: framework.version,
          name: values.name.trim(),
        });
      }}
    >
      <Form.Item
        name="name"
        label="框架名称"
        rules={[
          { required: true, whitespace: true, message: '请填写名称' },
          { max: 200, message: '不能超过 200 个字' },
        ]}
      >
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

import { useMemo } from 'react';
import { Form, Input, InputNumber, Radio, Select, Switch } from 'antd';
import { UNIT_TYPES } from '../../api/types';
import type { Id } from '../../api/types';
import { FormModal } from '../../components/form-modal';
import { ACTIVITY_TYPE_LABELS, ACTIVITY_TYPES } from '../ledger/ledger.types';
import { useLedgerVocabulary } from '../ledger/ledger.api';
import { useSaveRequirement } from './framework.api';
import { CADENCE_LABELS, COUNT_SCOPE_LABELS } from './framework.types';
import type { Cadence, Framework, Requirement, RequirementInput } from './framework.types';

export type RequirementFormTarget =
  { mode: 'create'; areaId: Id } | { mode: 'edit'; requirement: Requirement };

type RequirementFormValues = RequirementInput;

const CADENCES: Cadence[] = ['quarter', 'half_year', 'year', 'event'];
const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** 新增 / 编辑要求: cadence, minimum count, deadlines and which records count as evidence. */
export function RequirementFormModal({
  framework,
  target,
  onClose,
}: {
  framework: Framework;
  target: RequirementFormTarget | null;
  onClose: () => void;
}) {
  const save = useSaveRequirement();
  const { data: vocabulary } = useLedgerVocabulary();
  const editing = target?.mode === 'edit' ? target.requirement : undefined;

  const initialValues = useMemo<Partial<RequirementFormValues>>(() => {
    if (!target) return {};
    if (target.mode === 'create') {
      return {
        areaId: target.areaId,
        cadence: 'year',
        minCount: 1,
        deadlines: [],
        tracking: 'activity',
        evidenceTypes: [],
        evidenceSubtypes: [],
        requireAttendance: false,
        countScope: 'unit',
        unitTypes: [],
        description: '',
      };
    }
    const { id: _id, frameworkId: _f, version: _v, ...rest } = target.requirement;
    return rest;
  }, [target]);

  const subtypeOptions = (vocabulary?.types ?? []).flatMap((t) =>
    t.subtypes.map((s) => ({ value: s, label: `${s}（${t.label}）` })),
  );

  return (
    <FormModal<RequirementFormValues>
      title={editing ? `编辑要求：${editing.title}` : '新增要求'}
      open={target !== null}
      onClose={onClose}
      onSubmit={async (values) => {
        const input: RequirementInput = {
          ...values,
          title: values.title.trim(),
          description: values.description?.trim() ?? '',
          deadlines: values.deadlines ?? [],
          evidenceTypes: values.evidenceTypes ?? [],
          evidenceSubtypes: values.evidenceSubtypes ?? [],
          unitTypes: values.unitTypes ?? [],
        };
        await save.mutateAsync({ frameworkId: framework.id, requirement: editing, input });
      }}
      initialValues={initialValues}
      width={720}
      successMessage={editing ? '要求已更新' : '要求已添加'}
      testId="requirement-form"
    >
      <Form.Item name="areaId" label="所属领域" rules={[{ required: true, message: '请选择领域' }]}>
        <Select options={framework.areas.map((a) => ({ value: a.id, label: a.name }))} />
      </Form.Item>
      {editing ? null : (
        <Form.Item
          name="code"
          label="编码"
          extra="稳定的英文标识，创建后不可修改，如 situation-analysis"
          rules={[
            { required: true, message: '请填写编码' },
            {
              pattern: /^[a-z0-9][a-z0-9-]{0,59}$/,
              message: '编码只能包含小写字母、数字和连字符',
            },
          ]}
        >
          <Input maxLength={60} />
        </Form.Item>
      )}
      <Form.Item
        name="title"
        label="要求"
        rules={[
          { required: true, whitespace: true, message: '请填写要求名称' },
          { max: 200, message: '不能超过 200 个字' },
        ]}
      >
        <Input maxLength={200} placeholder="如：意识形态形势分析研判" />
      </Form.Item>
      <Form.Item
        name="description"
        label="说明"
        rules={[{ max: 2000, message: '不能超过 2000 个字' }]}
      >
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name="tracking" label="判定方式">
        <Radio.Group
          options={[
            { value: 'activity', label: '按台账记录自动判定' },
            { value: 'not_tracked', label: '暂不判定（未纳入统计）' },
          ]}
        />
      </Form.Item>
      <Form.Item label="周期与次数" required style={{ marginBottom: 0 }}>
        <Form.Item name="cadence" style={{ display: 'inline-block', width: 140, marginRight: 8 }}>
          <Select options={CADENCES.map((c) => ({ value: c, label: CADENCE_LABELS[c] }))} />
        </Form.Item>
        <Form.Item
          name="minCount"
          style={{ display: 'inline-block', width: 160 }}
          rules={[{ required: true, message: '请填写次数' }]}
        >
          <InputNumber min={0} max={1000} precision={0} addonBefore="至少" addonAfter="次" />
        </Form.Item>
      </Form.Item>
      <Form.Item
        name="deadlines"
        label="截止日期"
        extra="每个周期一个 MM-DD，按周期顺序填写，如半年报告填 07-15、01-15；不填则为周期末"
        rules={[
          {
            validator: async (_, value: string[] | undefined) => {
              const bad = (value ?? []).find((v) => !MONTH_DAY.test(v));
              if (bad) throw new Error(`“${bad}”不是 MM-DD 格式`);
              if ((value ?? []).length > 4) throw new Error('最多 4 个截止日期');
            },
          },
        ]}
      >
        <Select mode="tags" open={false} suffixIcon={null} placeholder="输入 MM-DD 后回车" />
      </Form.Item>
      <Form.Item name="evidenceTypes" label="计入的记录类型" extra="不选则任何类型都计入">
        <Select
          mode="multiple"
          allowClear
          options={ACTIVITY_TYPES.map((t) => ({ value: t, label: ACTIVITY_TYPE_LABELS[t] }))}
        />
      </Form.Item>
      <Form.Item
        name="evidenceSubtypes"
        label="计入的类别"
        extra="不选则该类型的任何类别都计入；别名（如“意识形态形势分析研判会”）会自动归并"
      >
        <Select mode="tags" allowClear options={subtypeOptions} placeholder="选择或输入类别" />
      </Form.Item>
      <Form.Item name="requireAttendance" label="须登记出席" valuePropName="checked">
        <Switch checkedChildren="是" unCheckedChildren="否" />
      </Form.Item>
      <Form.Item
        name="countScope"
        label="计数范围"
        extra="“本单位及下级”：下级单位的记录也计入上级（如党委的文明创建活动由各支部开展）"
      >
        <Radio.Group
          optionType="button"
          options={(['unit', 'subtree'] as const).map((value) => ({
            value,
            label: COUNT_SCOPE_LABELS[value],
          }))}
        />
      </Form.Item>
      <Form.Item name="unitTypes" label="适用单位" extra="不选则适用于所有单位">
        <Select
          mode="multiple"
          allowClear
          options={UNIT_TYPES.map((t) => ({ value: t, label: t }))}
        />
      </Form.Item>
      <Form.Item name="sortOrder" label="排序">
        <InputNumber min={0} max={100000} precision={0} />
      </Form.Item>
    </FormModal>
  );
}

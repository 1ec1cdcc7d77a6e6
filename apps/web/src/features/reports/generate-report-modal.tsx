import { useState } from 'react';
import { App, Form, Input, Modal, Radio, Select } from 'antd';
import { useNavigate } from 'react-router-dom';
import type { Id } from '../../api/types';
import { useApiErrorHandler } from '../../lib/use-api-error';
import { useAuth } from '../auth/use-auth';
import { UnitTreeSelect } from '../units/unit-tree-select';
import { useCreateReport } from './reports.api';
import { AREAS, KIND_OPTIONS, defaultPeriod, recentPeriods } from './report-text';

interface GenerateValues {
  unitId: Id;
  kind: string;
  period: string;
  topicArea?: string;
  problems?: string;
  plans?: string;
}

const lines = (text?: string) =>
  (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** 生成报告: pick unit, kind and period; the server writes the report from the record. */
export function GenerateReportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { user } = useAuth();
  const [form] = Form.useForm<GenerateValues>();
  const create = useCreateReport();
  const navigate = useNavigate();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const [kind, setKind] = useState('summary');

  const submit = async () => {
    const values = await form.validateFields();
    try {
      const report = await create.mutateAsync({
        unitId: values.unitId,
        kind: values.kind,
        period: values.period,
        ...(values.kind === 'topical' && values.topicArea ? { topicArea: values.topicArea } : {}),
        problems: lines(values.problems),
        plans: lines(values.plans),
      });
      message.success('报告已根据台账生成');
      onClose();
      navigate(`/reports/${report.id}`);
    } catch (error) {
      onError(error, form);
    }
  };

  return (
    <Modal
      title="生成报告"
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText="生成"
      confirmLoading={create.isPending}
      destroyOnHidden
      width={560}
      okButtonProps={{ 'data-testid': 'generate-submit' } as Record<string, string>}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          unitId: user.unitId ?? undefined,
          kind: 'summary',
          period: defaultPeriod(),
        }}
      >
        <Form.Item
          name="unitId"
          label="单位"
          rules={[{ required: true, message: '请选择单位' }]}
          extra="统计该单位及其下级单位的台账记录"
        >
          <UnitTreeSelect placeholder="选择单位" />
        </Form.Item>
        <Form.Item name="kind" label="报告类型" rules={[{ required: true }]}>
          <Radio.Group
            onChange={(e) => setKind(String(e.target.value))}
            data-testid="generate-kind"
          >
            {KIND_OPTIONS.map((o) => (
              <Radio key={o.value} value={o.value}>
                {o.label}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="period"
          label="报告期间"
          rules={[{ required: true, message: '请选择期间' }]}
        >
          <Select options={recentPeriods()} data-testid="generate-period" />
        </Form.Item>
        {kind === 'topical' ? (
          <Form.Item name="topicArea" label="专题领域">
            <Select
              allowClear
              placeholder="默认为记录最多的领域"
              options={AREAS.map((a) => ({ value: a, label: a }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item name="problems" label="补充存在的问题（可选，每行一条）">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <Form.Item name="plans" label="补充下一步打算（可选，每行一条）">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

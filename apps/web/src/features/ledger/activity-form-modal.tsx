import { useMemo } from 'react';
import {
  App,
  AutoComplete,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Upload,
} from 'antd';
import type { UploadFile } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { isApiError } from '../../api/api-client';
import type { Id } from '../../api/types';
import { FormModal } from '../../components/form-modal';
import { UnitTreeSelect } from '../units/unit-tree-select';
import { AttendanceEditor } from './attendance-editor';
import type { AttendanceRow } from './attendance-editor';
import { useLedgerVocabulary, useSaveActivity, useUploadEvidence } from './ledger.api';
import { ACTIVITY_TYPE_LABELS, ACTIVITY_TYPES } from './ledger.types';
import type { Activity, ActivityInput, ActivityType } from './ledger.types';

export type ActivityFormTarget =
  { mode: 'create'; unitId?: Id; type?: ActivityType } | { mode: 'edit'; activity: Activity };

interface ActivityFormValues {
  unitId: Id;
  type: ActivityType;
  subtype: string;
  date: Dayjs;
  title: string;
  summary?: string;
  participants?: number | null;
  topics?: string[];
  speakers?: string[];
  attendance?: AttendanceRow[];
  outlet?: string;
  link?: string;
  audience?: number | null;
  areas?: string[];
  files?: UploadFile[];
}

/** The framework area a record of each type usually serves (a suggestion the clerk can change). */
const DEFAULT_AREAS: Record<ActivityType, string[]> = {
  meeting: ['组织领导'],
  study: ['理论学习'],
  publicity: ['宣传教育'],
  event: ['文明创建'],
  training: ['队伍建设'],
  other: [],
};

const DATE_FORMATS = ['YYYY年M月D日', 'YYYY-MM-DD', 'YYYY/M/D', 'YYYYMMDD'];
const EVIDENCE_ACCEPT = '.jpg,.jpeg,.png,.gif,.webp,.pdf,.docx,.xlsx,.txt,.md,.csv';

function toInput(values: ActivityFormValues): ActivityInput {
  const { type } = values;
  const text = (value: string | undefined) => value?.trim() ?? '';
  const input: ActivityInput = {
    unitId: values.unitId,
    type,
    subtype: text(values.subtype),
    date: values.date.format('YYYY-MM-DD'),
    title: text(values.title),
    summary: text(values.summary),
    participants: values.participants ?? null,
    areas: values.areas ?? [],
    topics: type === 'study' ? (values.topics ?? []).map((t) => t.trim()).filter(Boolean) : [],
    speakers: type === 'study' ? (values.speakers ?? []).map((s) => s.trim()).filter(Boolean) : [],
    attendance:
      type === 'study' || type === 'meeting'
        ? (values.attendance ?? []).map((row) => ({
            ...(row.personId !== undefined && row.personId !== null
              ? { personId: Number(row.personId) }
              : {}),
            name: row.name.trim(),
            present: row.present,
            ...(!row.present && row.reason?.trim() ? { reason: row.reason.trim() } : {}),
          }))
        : [],
    outlet: type === 'publicity' && text(values.outlet) ? text(values.outlet) : null,
    link: type === 'publicity' && text(values.link) ? text(values.link) : null,
    audience: type === 'publicity' ? (values.audience ?? null) : null,
  };
  return input;
}

/** The fields below the type picker; they follow the chosen type and subtype. */
function TypedFields({ creating }: { creating: boolean }) {
  const form = Form.useFormInstance<ActivityFormValues>();
  const type = Form.useWatch('type', form);
  const subtype = Form.useWatch('subtype', form);
  const unitId = Form.useWatch('unitId', form);
  const { data: vocabulary } = useLedgerVocabulary();
  const subtypes = vocabulary?.types.find((t) => t.code === type)?.subtypes ?? [];
  const areas = vocabulary?.areas ?? [];
  const isTalk = type === 'publicity' && subtype === '宣讲';
  const needsAttendance = type === 'study' && subtype === '中心组学习';

  const changeType = (next: ActivityType) => {
    // Follow the type with the usual area unless the clerk picked areas of their own.
    const current = (form.getFieldValue('areas') as string[] | undefined) ?? [];
    const previous = type ? DEFAULT_AREAS[type] : [];
    if (current.length === 0 || current.join() === previous.join()) {
      form.setFieldValue('areas', DEFAULT_AREAS[next]);
    }
  };

  return (
    <>
      <Form.Item name="type" label="记录类型" rules={[{ required: true, message: '请选择类型' }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={ACTIVITY_TYPES.map((t) => ({ value: t, label: ACTIVITY_TYPE_LABELS[t] }))}
          onChange={(event) => changeType(event.target.value as ActivityType)}
          data-testid="activity-form-type"
        />
      </Form.Item>
      <Form.Item
        name="subtype"
        label="类别"
        rules={[
          { required: true, whitespace: true, message: '请选择或填写类别' },
          { max: 50, message: '类别不能超过 50 个字' },
        ]}
        extra="可选常用类别，也可直接填写，如“意识形态形势分析研判会”"
      >
        <AutoComplete
          options={subtypes.map((s) => ({ value: s }))}
          placeholder="如：中心组学习"
          filterOption={(input, option) => String(option?.value ?? '').includes(input)}
          data-testid="activity-form-subtype"
        />
      </Form.Item>
      <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker
          format={DATE_FORMATS}
          style={{ width: 200 }}
          disabledDate={(d) => d.isAfter(dayjs().add(1, 'year'))}
          data-testid="activity-form-date"
        />
      </Form.Item>
      <Form.Item
        name="title"
        label={type === 'study' ? '学习名称' : '标题'}
        rules={[
          { required: true, whitespace: true, message: '请填写标题' },
          { max: 200, message: '标题不能超过 200 个字' },
        ]}
      >
        <Input
          placeholder={type === 'publicity' ? '稿件或发布的标题' : '如：理论学习中心组6月集中学习'}
          maxLength={200}
          data-testid="activity-form-title"
        />
      </Form.Item>
      {type === 'study' ? (
        <>
          <Form.Item name="topics" label="学习主题">
            <Select
              mode="tags"
              placeholder="输入主题后回车，可填多个"
              tokenSeparators={['；', ';']}
              open={false}
              suffixIcon={null}
              data-testid="activity-form-topics"
            />
          </Form.Item>
          <Form.Item name="speakers" label="主讲人">
            <Select
              mode="tags"
              placeholder="输入姓名后回车，可填多位"
              tokenSeparators={['、', '，', ',']}
              open={false}
              suffixIcon={null}
              data-testid="activity-form-speakers"
            />
          </Form.Item>
        </>
      ) : null}
      {type === 'study' || type === 'meeting' ? (
        <Form.Item
          label="出席情况"
          required={needsAttendance}
          extra={needsAttendance ? '中心组学习须登记出席人员，缺席人员须注明原因' : undefined}
        >
          <AttendanceEditor unitId={unitId} />
        </Form.Item>
      ) : null}
      {type === 'publicity' && !isTalk ? (
        <>
          <Form.Item
            name="outlet"
            label="发布媒体"
            rules={[
              { required: true, whitespace: true, message: '请填写发布媒体或平台' },
              { max: 100, message: '不能超过 100 个字' },
            ]}
          >
            <Input placeholder="如：青川日报、微信公众号" maxLength={100} />
          </Form.Item>
          <Form.Item
            name="link"
            label="链接"
            rules={[{ type: 'url', message: '请填写以 http:// 或 https:// 开头的网址' }]}
          >
            <Input placeholder="https://…" maxLength={1000} />
          </Form.Item>
        </>
      ) : null}
      {isTalk ? (
        <Form.Item
          name="audience"
          label="受众人数"
          rules={[{ required: true, message: '宣讲须填写受众人数' }]}
        >
          <InputNumber min={0} precision={0} addonAfter="人" style={{ width: 200 }} />
        </Form.Item>
      ) : null}
      {type !== 'publicity' ? (
        <Form.Item name="participants" label="参加人数">
          <InputNumber
            min={0}
            precision={0}
            addonAfter="人"
            placeholder="选填"
            style={{ width: 200 }}
            data-testid="activity-form-participants"
          />
        </Form.Item>
      ) : null}
      <Form.Item
        name="summary"
        label={type === 'meeting' ? '会议纪要' : '内容摘要'}
        rules={[{ max: 10000, message: '不能超过 10000 个字' }]}
      >
        <Input.TextArea
          rows={4}
          maxLength={10000}
          showCount
          placeholder="主要内容、议定事项、成效等"
          data-testid="activity-form-summary"
        />
      </Form.Item>
      <Form.Item name="areas" label="工作领域" extra="用于责任清单的落实统计和报告分类">
        <Select
          mode="multiple"
          allowClear
          placeholder="选择本记录服务的领域"
          options={areas.map((a) => ({ value: a, label: a }))}
          data-testid="activity-form-areas"
        />
      </Form.Item>
      {creating ? (
        <Form.Item
          name="files"
          label="证明材料"
          valuePropName="fileList"
          getValueFromEvent={(event: { fileList: UploadFile[] }) => event.fileList}
          extra="照片、会议记录、签到表、PDF 等，单个文件不超过 20 MB；保存记录后上传"
        >
          <Upload.Dragger
            multiple
            accept={EVIDENCE_ACCEPT}
            listType="picture"
            beforeUpload={() => false}
            data-testid="activity-form-evidence"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">点击或拖入文件</p>
          </Upload.Dragger>
        </Form.Item>
      ) : null}
    </>
  );
}

/** 记一笔 / 编辑记录: one form whose fields follow the record type. */
export function ActivityFormModal({
  target,
  onClose,
}: {
  target: ActivityFormTarget | null;
  onClose: () => void;
}) {
  const save = useSaveActivity();
  const upload = useUploadEvidence();
  const navigate = useNavigate();
  const { modal } = App.useApp();
  const editing = target?.mode === 'edit' ? target.activity : null;

  const initialValues = useMemo<Partial<ActivityFormValues>>(() => {
    if (!target) return {};
    if (target.mode === 'create') {
      const type = target.type ?? 'meeting';
      return { unitId: target.unitId, type, date: dayjs(), areas: DEFAULT_AREAS[type] };
    }
    const a = target.activity;
    return {
      unitId: a.unitId,
      type: a.type,
      subtype: a.subtype,
      date: dayjs(a.date),
      title: a.title,
      summary: a.summary,
      participants: a.participants,
      topics: a.topics,
      speakers: a.speakers,
      attendance: a.attendance.map((row) => ({
        personId: row.personId ?? undefined,
        name: row.name,
        present: row.present,
        reason: row.reason ?? undefined,
      })),
      outlet: a.outlet ?? undefined,
      link: a.link ?? undefined,
      audience: a.audience,
      areas: a.areas,
    };
  }, [target]);

  const uploadAll = async (activityId: Id, files: UploadFile[]) => {
    const failures: string[] = [];
    for (const file of files) {
      if (!file.originFileObj) continue;
      try {
        await upload.mutateAsync({ activityId, file: file.originFileObj });
      } catch (error) {
        failures.push(`${file.name}：${isApiError(error) ? error.message : '上传失败'}`);
      }
    }
    if (failures.length > 0) {
      modal.warning({
        title: '记录已保存，但部分证明材料未能上传',
        content: (
          <ul style={{ paddingLeft: 20, margin: 0 }} data-testid="evidence-upload-errors">
            {failures.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        ),
        okText: '知道了',
      });
    }
  };

  const submit = async (values: ActivityFormValues) => {
    const input = toInput(values);
    if (editing) {
      await save.mutateAsync({ id: editing.id, version: editing.version, input });
      return;
    }
    const created = await save.mutateAsync({ input });
    await uploadAll(created.id, values.files ?? []);
    navigate(`/ledger/${created.id}`);
  };

  return (
    <FormModal<ActivityFormValues>
      title={editing ? `编辑记录：${editing.title}` : '记一笔'}
      open={target !== null}
      onClose={onClose}
      onSubmit={submit}
      initialValues={initialValues}
      width={760}
      successMessage={editing ? '记录已更新' : '记录已保存'}
      testId="activity-form"
    >
      <Form.Item
        name="unitId"
        label="所属单位"
        rules={[{ required: true, message: '请选择所属单位' }]}
      >
        <UnitTreeSelect allowClear={false} data-testid="activity-form-unit" />
      </Form.Item>
      <TypedFields creating={!editing} />
    </FormModal>
  );
}

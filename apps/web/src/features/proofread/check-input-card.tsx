import { Button, Card, DatePicker, Input, Select, Space, Tabs, Typography, Upload } from 'antd';
import { InboxOutlined, SearchOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { useAuth } from '../auth/use-auth';
import { useTermLists } from './proofread.api';
import { KIND_LABELS } from './proofread-labels';
import { PROOFREAD_PERM } from './proofread-permissions';
import type { CheckOptions, DocumentKind } from './proofread.types';

/** What the user chose to check against; empty means “infer” / “the unit's lists”. */
export interface CheckSettings {
  date: Dayjs | null;
  kind: DocumentKind | undefined;
  listIds: number[];
}

export const DEFAULT_SETTINGS: CheckSettings = { date: null, kind: undefined, listIds: [] };

export function toCheckOptions(settings: CheckSettings): CheckOptions {
  const o: CheckOptions = {};
  if (settings.date) o.date = settings.date.format('YYYY-MM-DD');
  if (settings.kind) o.kind = settings.kind;
  if (settings.listIds.length > 0) o.termListIds = settings.listIds;
  return o;
}

interface CheckInputCardProps {
  text: string;
  onTextChange: (text: string) => void;
  title: string;
  onTitleChange: (title: string) => void;
  settings: CheckSettings;
  onSettingsChange: (settings: CheckSettings) => void;
  loading: boolean;
  /** The text was edited since the last check. */
  stale: boolean;
  canShowResult: boolean;
  onCheck: () => void;
  onFile: (file: File) => void;
  onShowResult: () => void;
}

/** Date, kind and term list selectors, and the text box or file upload to check. */
export function CheckInputCard({
  text,
  onTextChange,
  title,
  onTitleChange,
  settings,
  onSettingsChange,
  loading,
  stale,
  canShowResult,
  onCheck,
  onFile,
  onShowResult,
}: CheckInputCardProps) {
  const { can } = useAuth();
  const canUseLists = can(PROOFREAD_PERM.termsList);
  const termLists = useTermLists(canUseLists);
  const set = (patch: Partial<CheckSettings>) => onSettingsChange({ ...settings, ...patch });

  const optionBar = (
    <div className="pf-options">
      <Space size={4}>
        <Typography.Text type="secondary">文档日期</Typography.Text>
        <DatePicker
          value={settings.date}
          onChange={(date) => set({ date })}
          format="YYYY年M月D日"
          placeholder="自动推断"
          allowClear
          data-testid="proofread-date"
        />
      </Space>
      <Space size={4}>
        <Typography.Text type="secondary">文档类型</Typography.Text>
        <Select<DocumentKind>
          value={settings.kind}
          onChange={(kind) => set({ kind })}
          allowClear
          placeholder="自动判断"
          style={{ width: 130 }}
          options={(Object.keys(KIND_LABELS) as DocumentKind[]).map((k) => ({
            value: k,
            label: KIND_LABELS[k],
          }))}
        />
      </Space>
      {canUseLists ? (
        <Space size={4}>
          <Typography.Text type="secondary">词表</Typography.Text>
          <Select<number[]>
            mode="multiple"
            value={settings.listIds}
            onChange={(listIds) => set({ listIds })}
            placeholder="本单位全部词表（默认）"
            style={{ minWidth: 240, maxWidth: 420 }}
            loading={termLists.isLoading}
            maxTagCount="responsive"
            options={(termLists.data ?? []).map((l) => ({
              value: l.id,
              label: `${l.name}（${l.unitName}，${l.entryCount} 条）`,
              disabled: l.currentVersionId === null,
            }))}
            notFoundContent={
              termLists.isError ? (
                '词表加载失败'
              ) : (
                <span>
                  暂无词表，可在<Link to="/proofread/terms">词表管理</Link>中上传
                </span>
              )
            }
          />
        </Space>
      ) : null}
    </div>
  );

  return (
    <Card size="small">
      {optionBar}
      <Tabs
        items={[
          {
            key: 'paste',
            label: '粘贴文字',
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Input
                  value={title}
                  onChange={(e) => onTitleChange(e.target.value)}
                  placeholder="文档名称（选填，用于导出文件名）"
                  maxLength={100}
                />
                <Input.TextArea
                  value={text}
                  onChange={(e) => onTextChange(e.target.value)}
                  autoSize={{ minRows: 12, maxRows: 28 }}
                  placeholder="在此粘贴公文全文，例如：××党支部关于2024年上半年意识形态工作的报告……"
                  data-testid="proofread-input"
                />
                <Space>
                  <Button
                    type="primary"
                    icon={<SearchOutlined />}
                    loading={loading}
                    onClick={onCheck}
                    data-testid="proofread-run"
                  >
                    开始校对
                  </Button>
                  {stale ? (
                    <Typography.Text type="warning">文字已修改，请重新校对</Typography.Text>
                  ) : null}
                  {canShowResult ? <Button onClick={onShowResult}>查看校对结果</Button> : null}
                  <Button onClick={() => onTextChange('')} disabled={!text}>
                    清空
                  </Button>
                </Space>
              </Space>
            ),
          },
          {
            key: 'upload',
            label: '上传文件',
            children: (
              <Upload.Dragger
                accept=".docx,.txt,.md"
                multiple={false}
                showUploadList={false}
                disabled={loading}
                beforeUpload={(file) => {
                  onFile(file);
                  return false;
                }}
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p className="ant-upload-text">点击或拖拽文件到此处上传并校对</p>
                <p className="ant-upload-hint">
                  支持 .docx、.txt、.md，最大 20 MB；旧版 .doc 请先另存为 .docx
                </p>
              </Upload.Dragger>
            ),
          },
        ]}
      />
    </Card>
  );
}

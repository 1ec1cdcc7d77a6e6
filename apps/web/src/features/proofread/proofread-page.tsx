import { useCallback, useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Dropdown,
  Empty,
  Popconfirm,
  Space,
  Spin,
  Tooltip,
  Typography,
} from 'antd';
import {
  CheckOutlined,
  CopyOutlined,
  EditOutlined,
  DownloadOutlined,
  FileExcelOutlined,
  FileWordOutlined,
  ReloadOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { isApiError } from '../../api/api-client';
import { PageContainer } from '../../components/page-container';
import { formatDate } from '../../lib/format';
import { useAuth } from '../auth/use-auth';
import { CheckInputCard, DEFAULT_SETTINGS, toCheckOptions } from './check-input-card';
import type { CheckSettings } from './check-input-card';
import { FindingsPanel } from './findings-panel';
import type { FindingFilters } from './findings-panel';
import { anchorId, CategoryLegend, HighlightedText } from './highlighted-text';
import { checkFile, checkText, exportFindings, exportOfficialDocx } from './proofread.api';
import { CATEGORY_ORDER, KIND_LABELS } from './proofread-labels';
import { PROOFREAD_PERM } from './proofread-permissions';
import type { CheckResult, Finding } from './proofread.types';
import { copyText } from './copy-text';
import {
  applySuggestions,
  findingKeys,
  findingRange,
  lineStarts,
  normalizeText,
} from './text-positions';
import './proofread.css';

interface Checked {
  /** The text the findings refer to. */
  text: string;
  result: CheckResult;
  /** The kind was chosen by the user rather than inferred. */
  kindChosen: boolean;
}

const NO_FILTERS: FindingFilters = { categories: [], severities: [] };
/** Texts kept for 撤销 (each apply adds one). */
const UNDO_DEPTH = 20;

function errorMessage(error: unknown): string {
  return isApiError(error) ? error.message : '校对失败，请稍后再试';
}

function dateNote(result: CheckResult): string {
  if (!result.date) return `未能确定文档日期（${result.dateReason}），与日期有关的检查已跳过。`;
  if (result.dateSource === 'option') return `文档日期 ${formatDate(result.date)}（指定）`;
  return `文档日期 ${formatDate(result.date)}，文档日期由文中推断：${result.dateReason}`;
}

/** 公文校对: paste or upload, see the findings in place, apply suggestions, export. */
export function ProofreadPage() {
  const { can } = useAuth();
  const { message } = App.useApp();
  const canUseLists = can(PROOFREAD_PERM.termsList);

  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [settings, setSettings] = useState<CheckSettings>(DEFAULT_SETTINGS);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [editing, setEditing] = useState(true);
  const [loading, setLoading] = useState(false);
  const [applying, setApplying] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [filters, setFilters] = useState<FindingFilters>(NO_FILTERS);
  const [activeIndex, setActiveIndex] = useState<number | null>(null);
  const [flashKey, setFlashKey] = useState(0);
  const [exporting, setExporting] = useState(false);
  const [exportingDocx, setExportingDocx] = useState(false);
  /** Keys (findingKeys) of findings the user chose to ignore; they stay hidden across checks. */
  const [ignored, setIgnored] = useState<ReadonlySet<string>>(new Set());
  /** The texts before each applied suggestion, newest last. */
  const [history, setHistory] = useState<string[]>([]);

  const options = () => toCheckOptions(settings);

  const showResult = (checkedText: string, result: CheckResult) => {
    setChecked({ text: checkedText, result, kindChosen: settings.kind !== undefined });
    setEditing(false);
    setActiveIndex(null);
    setError(null);
  };

  const runCheck = async (source: string): Promise<boolean> => {
    const normalized = normalizeText(source);
    if (normalized.trim() === '') {
      message.warning('请先粘贴或输入要校对的文字');
      return false;
    }
    setLoading(true);
    try {
      showResult(normalized, await checkText(normalized, options()));
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      setLoading(false);
    }
  };

  const runFile = async (file: File) => {
    setLoading(true);
    try {
      const result = await checkFile(file, options());
      setText(result.text);
      setTitle(file.name.replace(/\.[^.]+$/, ''));
      showResult(result.text, result);
      setFilters(NO_FILTERS);
      setIgnored(new Set());
      setHistory([]);
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  };

  const findings = useMemo(() => checked?.result.findings ?? [], [checked]);
  const ranges = useMemo(() => {
    if (!checked) return [];
    const starts = lineStarts(checked.text);
    return checked.result.findings.map((f) => findingRange(checked.text, starts, f));
  }, [checked]);
  const keys = useMemo(
    () => (checked ? findingKeys(checked.text, findings) : []),
    [checked, findings],
  );
  /** Indexes of the findings not ignored. */
  const open = useMemo(
    () => findings.map((_, i) => i).filter((i) => !ignored.has(keys[i] as string)),
    [findings, keys, ignored],
  );
  const shown = useMemo(
    () =>
      open.filter((i) => {
        const f = findings[i] as Finding;
        return (
          (filters.categories.length === 0 || filters.categories.includes(f.category)) &&
          (filters.severities.length === 0 || filters.severities.includes(f.severity))
        );
      }),
    [open, findings, filters],
  );
  const applicable = useMemo(
    () => shown.filter((i) => (findings[i] as Finding).suggestion !== undefined),
    [shown, findings],
  );
  const presentCategories = useMemo(
    () => CATEGORY_ORDER.filter((c) => findings.some((f) => f.category === c)),
    [findings],
  );

  const select = useCallback((index: number) => {
    setActiveIndex(index);
    setFlashKey((k) => k + 1);
    document
      .getElementById(anchorId(index))
      ?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, []);

  /** Writes the suggestions of the given findings into the text and checks it again. */
  const applyMany = async (indexes: readonly number[], selected: number | null) => {
    if (!checked) return;
    const result = applySuggestions(
      checked.text,
      indexes.map((i) => findings[i] as Finding),
    );
    if (result.applied === 0) {
      message.warning('原文已变化，无法应用建议，请重新校对');
      return;
    }
    setActiveIndex(selected);
    setHistory((h) => [...h.slice(-(UNDO_DEPTH - 1)), checked.text]);
    setText(result.text);
    setApplying(true);
    const ok = await runCheck(result.text);
    setApplying(false);
    if (!ok) return;
    const skipped = result.skipped > 0 ? `；${result.skipped} 条因位置重叠或原文已改动未应用` : '';
    message.success(
      indexes.length === 1
        ? '已应用建议并重新校对'
        : `已应用 ${result.applied} 条建议并重新校对${skipped}`,
    );
  };

  const undo = async () => {
    const previous = history[history.length - 1];
    if (previous === undefined) return;
    setHistory((h) => h.slice(0, -1));
    setText(previous);
    setApplying(true);
    const ok = await runCheck(previous);
    setApplying(false);
    if (ok) message.success('已撤销上一次修改并重新校对');
  };

  const ignore = (index: number) => {
    const key = keys[index];
    if (key === undefined) return;
    setIgnored((current) => new Set(current).add(key));
    if (activeIndex === index) setActiveIndex(null);
  };

  const copy = async () => {
    if (!checked) return;
    if (await copyText(checked.text)) message.success('已复制全文');
    else message.error('无法访问剪贴板，请点击“编辑文字”后手动复制');
  };

  const doExport = async () => {
    if (!checked) return;
    setExporting(true);
    try {
      await exportFindings({
        ...(title ? { title } : {}),
        date: checked.result.date,
        findings: shown.map((i) => findings[i] as Finding),
      });
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setExporting(false);
    }
  };

  const doExportDocx = async () => {
    if (!checked) return;
    setExportingDocx(true);
    try {
      await exportOfficialDocx({ text: checked.text, ...(title ? { title } : {}) });
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setExportingDocx(false);
    }
  };

  const filtered = filters.categories.length > 0 || filters.severities.length > 0;
  const stale = checked !== null && normalizeText(text) !== checked.text;

  const input = (
    <CheckInputCard
      text={text}
      onTextChange={setText}
      title={title}
      onTitleChange={setTitle}
      settings={settings}
      onSettingsChange={setSettings}
      loading={loading}
      stale={checked !== null && stale}
      canShowResult={checked !== null && !stale}
      onCheck={() => void runCheck(text)}
      onFile={(file) => void runFile(file)}
      onShowResult={() => setEditing(false)}
    />
  );

  const resultView = checked ? (
    <div className="pf-layout">
      <Card
        size="small"
        title={title || '校对结果'}
        extra={
          <Space wrap>
            <Popconfirm
              title={`应用 ${applicable.length} 条建议？`}
              description="将按当前筛选应用全部修改建议并重新校对，可撤销。"
              okText="应用"
              cancelText="取消"
              disabled={applicable.length === 0 || applying}
              onConfirm={() => void applyMany(applicable, null)}
            >
              <Button
                icon={<CheckOutlined />}
                disabled={applicable.length === 0 || applying}
                loading={applying && activeIndex === null}
                data-testid="proofread-apply-all"
              >
                全部应用（{applicable.length}）
              </Button>
            </Popconfirm>
            <Tooltip title={history.length ? `可撤销 ${history.length} 次` : '没有可撤销的修改'}>
              <Button
                icon={<UndoOutlined />}
                disabled={history.length === 0 || applying}
                onClick={() => void undo()}
                data-testid="proofread-undo"
              >
                撤销
              </Button>
            </Tooltip>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              编辑文字
            </Button>
            <Button icon={<CopyOutlined />} onClick={() => void copy()}>
              复制全文
            </Button>
            <Button
              icon={<ReloadOutlined />}
              loading={loading && !applying}
              onClick={() => void runCheck(checked.text)}
            >
              重新校对
            </Button>
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  {
                    key: 'xlsx',
                    icon: <FileExcelOutlined />,
                    label: filtered ? '问题清单（Excel，按当前筛选）' : '问题清单（Excel）',
                    disabled: shown.length === 0,
                  },
                  {
                    key: 'docx',
                    icon: <FileWordOutlined />,
                    label: '公文格式 Word（GB/T 9704）',
                  },
                ],
                onClick: ({ key }) => void (key === 'xlsx' ? doExport() : doExportDocx()),
              }}
            >
              <Button
                icon={<DownloadOutlined />}
                loading={exporting || exportingDocx}
                data-testid="proofread-export"
              >
                导出
              </Button>
            </Dropdown>
          </Space>
        }
      >
        <Space direction="vertical" size={4} style={{ width: '100%', marginBottom: 8 }}>
          <Typography.Text type="secondary" data-testid="proofread-date-note">
            {dateNote(checked.result)}
          </Typography.Text>
          <Typography.Text type="secondary">
            文档类型：{KIND_LABELS[checked.result.kind]}
            {checked.kindChosen ? '' : '（自动判断）'}
            {checked.result.termLists.length > 0
              ? `；词表：${checked.result.termLists.map((l) => `${l.name}（第${l.versionNumber}版）`).join('、')}`
              : '；未使用词表'}
          </Typography.Text>
          <CategoryLegend categories={presentCategories} />
        </Space>
        <Spin spinning={loading} tip="正在校对…">
          <HighlightedText
            text={checked.text}
            findings={findings}
            ranges={ranges}
            shown={shown}
            activeIndex={activeIndex}
            flashKey={flashKey}
            onSelect={select}
          />
        </Spin>
      </Card>
      <FindingsPanel
        findings={findings}
        open={open}
        filters={filters}
        onFiltersChange={setFilters}
        shown={shown}
        activeIndex={activeIndex}
        onSelect={select}
        onApply={(i) => void applyMany([i], i)}
        applying={applying}
        onIgnore={ignore}
        onRestoreIgnored={() => setIgnored(new Set())}
      />
    </div>
  ) : null;

  return (
    <PageContainer
      title="公文校对"
      breadcrumb={[{ title: '公文校对' }]}
      description="检查占位符、模板残留、重复、标点、序号、时间表述、过时提法、错别字、术语、结构和格式问题。"
      extra={
        canUseLists ? (
          <Link to="/proofread/terms">
            <Button>词表管理</Button>
          </Link>
        ) : null
      }
    >
      {error ? (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setError(null)}
          style={{ marginBottom: 16 }}
          message="校对失败"
          description={errorMessage(error)}
          data-testid="proofread-error"
        />
      ) : null}
      {editing || !checked ? (
        <Spin spinning={loading && !checked} tip="正在校对…">
          {input}
          {!checked && !loading ? (
            <Card size="small" style={{ marginTop: 16 }}>
              <Empty description="粘贴或上传公文后点击“开始校对”，问题将在原文中标出" />
            </Card>
          ) : null}
        </Spin>
      ) : (
        resultView
      )}
    </PageContainer>
  );
}

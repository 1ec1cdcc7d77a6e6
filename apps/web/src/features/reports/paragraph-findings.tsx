import { Space, Tag, Tooltip, Typography } from 'antd';
import type { Finding } from './reports.types';
import { CATEGORY_LABELS, SEVERITY_LABELS } from './report-text';

const SEVERITY_COLORS: Record<string, string> = {
  error: '#f5222d',
  warning: '#faad14',
  info: '#1677ff',
};

/** The flagged stretches of a paragraph, underlined in the finding's category colour. */
function Underlined({ text, findings }: { text: string; findings: Finding[] }) {
  const chars = Array.from(text);
  const marks = new Array<Finding | undefined>(chars.length).fill(undefined);
  for (const f of findings) {
    const start = f.location.column - 1;
    for (let i = start; i < Math.min(chars.length, start + Math.max(1, f.length)); i += 1)
      marks[i] ??= f;
  }
  const pieces: { text: string; finding?: Finding }[] = [];
  chars.forEach((ch, i) => {
    const last = pieces.at(-1);
    if (last && last.finding === marks[i]) last.text += ch;
    else pieces.push({ text: ch, finding: marks[i] });
  });
  return (
    <Typography.Paragraph style={{ margin: '4px 0 0', color: '#595959', fontSize: 13 }}>
      {pieces.map((p, i) =>
        p.finding ? (
          <Tooltip key={i} title={p.finding.message}>
            <span
              style={{
                textDecoration: 'underline wavy',
                textDecorationColor: SEVERITY_COLORS[p.finding.severity] ?? '#faad14',
                textUnderlineOffset: 3,
              }}
            >
              {p.text}
            </span>
          </Tooltip>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </Typography.Paragraph>
  );
}

/** The proofreader's findings in one piece of text, one line each. */
export function FindingList({ findings }: { findings: Finding[] }) {
  if (findings.length === 0) return null;
  return (
    <Space direction="vertical" size={2} style={{ width: '100%' }}>
      {findings.map((f, i) => (
        <div
          key={i}
          data-testid="finding"
          data-category={f.category}
          data-severity={f.severity}
          style={{ fontSize: 13 }}
        >
          <Tag color={CATEGORY_LABELS[f.category]?.color ?? 'default'} bordered={false}>
            {CATEGORY_LABELS[f.category]?.label ?? f.category}
          </Tag>
          <Tag
            color={
              f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'default'
            }
            bordered={false}
          >
            {SEVERITY_LABELS[f.severity]}
          </Tag>
          {f.message}
          {f.suggestion !== undefined ? (
            <Typography.Text type="secondary">（建议：{f.suggestion || '删除'}）</Typography.Text>
          ) : null}
        </div>
      ))}
    </Space>
  );
}

/** A paragraph's findings: its text with the flagged stretches underlined, then the list. */
export function ParagraphFindings({ text, findings }: { text: string; findings: Finding[] }) {
  if (findings.length === 0) return null;
  return (
    <>
      <Underlined text={text} findings={findings} />
      <FindingList findings={findings} />
    </>
  );
}

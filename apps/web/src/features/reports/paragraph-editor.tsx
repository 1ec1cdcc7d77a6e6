import { Button, Input, Popconfirm, Tooltip, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Finding, ReportParagraph } from './reports.types';
import { ParagraphFindings } from './paragraph-findings';
import { segmentText } from './report-text';

interface ParagraphEditorProps {
  testId: string;
  value: string;
  onChange: (value: string) => void;
  findings: Finding[];
  /** The saved paragraph, for its figures (links to the records behind them). */
  saved?: ReportParagraph | undefined;
  onFigure: (key: string) => void;
  disabled: boolean;
  autoFocus?: boolean;
  placeholder?: string;
  /** Inserts an empty paragraph after this one; without it, no insert button. */
  onInsertAfter?: (() => void) | undefined;
  /** Removes this paragraph (after confirmation unless it is empty); without it, no button. */
  onRemove?: (() => void) | undefined;
}

/** Deletes at once when there is nothing to lose, otherwise after a confirmation. */
function RemoveButton({
  testId,
  value,
  figures,
  onRemove,
}: {
  testId: string;
  value: string;
  figures: number;
  onRemove: () => void;
}) {
  const button = (
    <Button
      size="small"
      type="text"
      danger
      icon={<DeleteOutlined />}
      aria-label="删除本段"
      data-testid={`remove-${testId}`}
      onClick={value.trim() === '' ? onRemove : undefined}
    />
  );
  const tip = (
    <Tooltip title="删除本段" placement="left">
      {button}
    </Tooltip>
  );
  if (value.trim() === '') return tip;
  return (
    <Popconfirm
      title="删除本段？"
      description={
        figures > 0
          ? `本段的文字和 ${figures} 处数字来源链接将从草稿中删除，保存后生效。`
          : '本段的文字将从草稿中删除，保存后生效。'
      }
      okText="删除"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      onConfirm={onRemove}
    >
      {tip}
    </Popconfirm>
  );
}

/** One paragraph: a text area, its proofreader findings and its figures, and its buttons. */
export function ParagraphEditor({
  testId,
  value,
  onChange,
  findings,
  saved,
  onFigure,
  disabled,
  autoFocus,
  placeholder,
  onInsertAfter,
  onRemove,
}: ParagraphEditorProps) {
  const figures = (saved?.segments ?? []).filter((s) => s.kind === 'figure');
  const tools = !disabled && (onInsertAfter || onRemove);
  return (
    <div style={{ marginBottom: 12 }}>
      <div style={{ display: 'flex', gap: 4, alignItems: 'flex-start' }}>
        <Input.TextArea
          value={value}
          onChange={(e) => onChange(e.target.value)}
          autoSize={{ minRows: 1, maxRows: 12 }}
          disabled={disabled}
          autoFocus={autoFocus}
          placeholder={placeholder}
          data-testid={testId}
          style={{ flex: 1 }}
        />
        {tools ? (
          <div style={{ display: 'flex', flexShrink: 0 }}>
            {onInsertAfter ? (
              <Tooltip title="在下方插入段落">
                <Button
                  size="small"
                  type="text"
                  icon={<PlusOutlined />}
                  aria-label="在下方插入段落"
                  data-testid={`insert-${testId}`}
                  onClick={onInsertAfter}
                />
              </Tooltip>
            ) : null}
            {onRemove ? (
              <RemoveButton
                testId={testId}
                value={value}
                figures={figures.length}
                onRemove={onRemove}
              />
            ) : null}
          </div>
        ) : null}
      </div>
      <ParagraphFindings text={value} findings={findings} />
      {figures.length > 0 ? (
        <div style={{ marginTop: 2 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            数字来源：
          </Typography.Text>
          {figures.map((f, i) =>
            f.kind === 'figure' ? (
              <Typography.Link
                key={i}
                style={{ fontSize: 12, marginRight: 8 }}
                onClick={() => onFigure(f.key)}
                data-testid="figure-link"
              >
                {segmentText(f)}
              </Typography.Link>
            ) : null,
          )}
        </div>
      ) : null}
    </div>
  );
}

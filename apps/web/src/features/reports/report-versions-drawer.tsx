import { useState } from 'react';
import { Drawer, Empty, List, Select, Space, Typography } from 'antd';
import type { Id } from '../../api/types';
import { formatDateTime } from '../../lib/format';
import { useDiff, useVersions } from './reports.api';

/** Versions of a report, and a paragraph-level diff between two of them. */
export function ReportVersionsDrawer({
  reportId,
  open,
  onClose,
}: {
  reportId: Id;
  open: boolean;
  onClose: () => void;
}) {
  const { data: versions = [] } = useVersions(reportId, open);
  const [from, setFrom] = useState<number>();
  const [to, setTo] = useState<number>();
  const left = from ?? versions[1]?.number;
  const right = to ?? versions[0]?.number;
  const { data: diff } = useDiff(reportId, left, right);
  const options = versions.map((v) => ({
    value: v.number,
    label: `第 ${v.number} 版 · ${v.note || '保存'} · ${formatDateTime(v.createdAt)}`,
  }));
  return (
    <Drawer title="版本记录" open={open} onClose={onClose} width={760}>
      <List
        size="small"
        dataSource={versions}
        renderItem={(v) => (
          <List.Item>
            第 {v.number} 版 · {v.note || '保存'} · {v.author ?? '系统'} ·{' '}
            {formatDateTime(v.createdAt)}
          </List.Item>
        )}
      />
      <Typography.Title level={5}>比较两个版本</Typography.Title>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select
          style={{ width: 320 }}
          value={left}
          options={options}
          onChange={setFrom}
          placeholder="旧版本"
        />
        <Select
          style={{ width: 320 }}
          value={right}
          options={options}
          onChange={setTo}
          placeholder="新版本"
        />
      </Space>
      {diff ? (
        <div data-testid="version-diff" style={{ fontSize: 13, lineHeight: 1.8 }}>
          {diff.lines.map((line, i) => (
            <div
              key={i}
              style={{
                background:
                  line.op === 'added' ? '#f6ffed' : line.op === 'removed' ? '#fff1f0' : undefined,
                textDecoration: line.op === 'removed' ? 'line-through' : undefined,
              }}
            >
              {line.op === 'added' ? '＋ ' : line.op === 'removed' ? '－ ' : '　 '}
              {line.text || '（空行）'}
            </div>
          ))}
        </div>
      ) : (
        <Empty description="至少保存过两个版本后才能比较" />
      )}
    </Drawer>
  );
}

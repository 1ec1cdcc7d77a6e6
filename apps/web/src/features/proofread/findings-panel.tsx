import { useEffect, useMemo, useState } from 'react';
import { Badge, Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';
import { CATEGORY_ORDER, CATEGORY_STYLE, SEVERITY_ORDER, SEVERITY_STYLE } from './proofread-labels';
import type { Category, Finding, Severity } from './proofread.types';

const PAGE_SIZE = 30;

export interface FindingFilters {
  categories: Category[];
  severities: Severity[];
}

interface FindingsPanelProps {
  findings: readonly Finding[];
  /** Indexes of the findings not ignored (what the counts count). */
  open: readonly number[];
  filters: FindingFilters;
  onFiltersChange: (filters: FindingFilters) => void;
  /** Indexes of the findings passing the filters, in order. */
  shown: readonly number[];
  activeIndex: number | null;
  onSelect: (index: number) => void;
  onApply: (index: number) => void;
  applying: boolean;
  onIgnore: (index: number) => void;
  onRestoreIgnored: () => void;
}

function toggle<T>(list: T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

function suggestionText(suggestion: string): string {
  return suggestion === '' ? '删除' : `改为“${suggestion}”`;
}

/** The findings with category and severity filters (with counts), click to locate. */
export function FindingsPanel({
  findings,
  open,
  filters,
  onFiltersChange,
  shown,
  activeIndex,
  onSelect,
  onApply,
  applying,
  onIgnore,
  onRestoreIgnored,
}: FindingsPanelProps) {
  const [page, setPage] = useState(1);
  const counts = useMemo(() => {
    const byCategory = new Map<Category, number>();
    const bySeverity = new Map<Severity, number>();
    for (const i of open) {
      const f = findings[i] as Finding;
      byCategory.set(f.category, (byCategory.get(f.category) ?? 0) + 1);
      bySeverity.set(f.severity, (bySeverity.get(f.severity) ?? 0) + 1);
    }
    return { byCategory, bySeverity };
  }, [findings, open]);
  const ignoredCount = findings.length - open.length;

  // Follow a selection made in the text to its page of the list.
  useEffect(() => {
    if (activeIndex === null) return;
    const position = shown.indexOf(activeIndex);
    if (position >= 0) setPage(Math.floor(position / PAGE_SIZE) + 1);
  }, [activeIndex, shown]);
  useEffect(() => {
    if (activeIndex === null) return;
    document
      .getElementById(`pf-item-${activeIndex}`)
      ?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [activeIndex, page]);
  useEffect(() => setPage(1), [filters]);

  const presentCategories = CATEGORY_ORDER.filter((c) => counts.byCategory.has(c));
  const pageItems = shown.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

  return (
    <Card
      size="small"
      className="pf-panel"
      title={
        <Space>
          问题列表
          <Badge
            count={open.length}
            showZero
            overflowCount={9999}
            color={open.length ? '#cf1322' : '#52c41a'}
          />
        </Space>
      }
      extra={
        filters.categories.length || filters.severities.length ? (
          <Button
            size="small"
            type="link"
            onClick={() => onFiltersChange({ categories: [], severities: [] })}
          >
            清除筛选
          </Button>
        ) : null
      }
    >
      {ignoredCount > 0 ? (
        <div className="pf-ignored" data-testid="proofread-ignored">
          <Typography.Text type="secondary">已忽略 {ignoredCount} 处</Typography.Text>
          <Button size="small" type="link" onClick={onRestoreIgnored}>
            全部恢复
          </Button>
        </div>
      ) : null}
      {open.length === 0 ? (
        <Empty
          image={<CheckCircleOutlined style={{ fontSize: 48, color: '#52c41a' }} />}
          description={ignoredCount > 0 ? '其余问题均已忽略' : '未发现问题'}
        />
      ) : (
        <>
          <div className="pf-filters" aria-label="按级别筛选">
            {SEVERITY_ORDER.filter((s) => counts.bySeverity.has(s)).map((s) => (
              <Tag.CheckableTag
                key={s}
                checked={filters.severities.includes(s)}
                onChange={() =>
                  onFiltersChange({ ...filters, severities: toggle(filters.severities, s) })
                }
              >
                {SEVERITY_STYLE[s].label} {counts.bySeverity.get(s)}
              </Tag.CheckableTag>
            ))}
          </div>
          <div className="pf-filters" aria-label="按类别筛选">
            {presentCategories.map((c) => (
              <Tag.CheckableTag
                key={c}
                checked={filters.categories.includes(c)}
                onChange={() =>
                  onFiltersChange({ ...filters, categories: toggle(filters.categories, c) })
                }
                style={
                  filters.categories.includes(c)
                    ? { background: CATEGORY_STYLE[c].color }
                    : { color: CATEGORY_STYLE[c].color, background: CATEGORY_STYLE[c].bg }
                }
              >
                {CATEGORY_STYLE[c].label} {counts.byCategory.get(c)}
              </Tag.CheckableTag>
            ))}
          </div>
          <List
            size="small"
            dataSource={pageItems}
            locale={{ emptyText: '没有符合筛选条件的问题' }}
            pagination={
              shown.length > PAGE_SIZE
                ? {
                    current: page,
                    pageSize: PAGE_SIZE,
                    total: shown.length,
                    size: 'small',
                    onChange: setPage,
                    showSizeChanger: false,
                  }
                : false
            }
            renderItem={(index) => {
              const f = findings[index] as Finding;
              const style = CATEGORY_STYLE[f.category];
              return (
                <List.Item
                  id={`pf-item-${index}`}
                  className={`pf-item${activeIndex === index ? ' pf-item-active' : ''}`}
                  onClick={() => onSelect(index)}
                  data-testid="proofread-finding"
                >
                  <Space direction="vertical" size={2} style={{ width: '100%' }}>
                    <Space size={4} wrap>
                      <Tag color={SEVERITY_STYLE[f.severity].tag} bordered={false}>
                        {SEVERITY_STYLE[f.severity].label}
                      </Tag>
                      <Tag bordered={false} style={{ color: style.color, background: style.bg }}>
                        {style.label}
                      </Tag>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        第{f.line}行第{f.column}列
                      </Typography.Text>
                    </Space>
                    {f.excerpt ? (
                      <Typography.Text className="pf-excerpt" ellipsis={{ tooltip: f.excerpt }}>
                        {f.excerpt}
                      </Typography.Text>
                    ) : null}
                    <Typography.Text>{f.message}</Typography.Text>
                    {f.suggestion !== undefined ? (
                      <Typography.Text type="success">
                        建议：{suggestionText(f.suggestion)}
                      </Typography.Text>
                    ) : null}
                    <Space size={8}>
                      {f.suggestion !== undefined ? (
                        <Button
                          size="small"
                          type="primary"
                          ghost
                          loading={applying && activeIndex === index}
                          disabled={applying}
                          onClick={(event) => {
                            event.stopPropagation();
                            onApply(index);
                          }}
                        >
                          应用建议
                        </Button>
                      ) : null}
                      <Button
                        size="small"
                        type="text"
                        disabled={applying}
                        title="不再在本次校对中标出此处"
                        onClick={(event) => {
                          event.stopPropagation();
                          onIgnore(index);
                        }}
                      >
                        忽略
                      </Button>
                    </Space>
                  </Space>
                </List.Item>
              );
            }}
          />
        </>
      )}
    </Card>
  );
}

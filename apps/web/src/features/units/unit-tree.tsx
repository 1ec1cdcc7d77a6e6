import { useEffect, useMemo, useState } from 'react';
import type { Key } from 'react';
import { Empty, Input, Spin, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import type { Id, UnitNode } from '../../api/types';
import { QueryErrorAlert } from '../../components/query-error';
import { filterUnitTree, findUnitPath } from './unit-tree-utils';
import { useUnitTree } from './units.api';

const TYPE_COLORS: Record<string, string> = {
  党委: 'red',
  党组: 'volcano',
  党工委: 'orange',
  党总支: 'gold',
  党支部: 'blue',
  其他: 'default',
};

function highlight(name: string, keyword: string) {
  const index = keyword ? name.toLowerCase().indexOf(keyword.toLowerCase()) : -1;
  if (index < 0) return name;
  return (
    <>
      {name.slice(0, index)}
      <mark className="tz-mark">{name.slice(index, index + keyword.length)}</mark>
      {name.slice(index + keyword.length)}
    </>
  );
}

function toTreeData(nodes: UnitNode[], keyword: string): TreeDataNode[] {
  return nodes.map((node) => ({
    key: node.id,
    title: (
      <span className="tz-unit-node" title={node.name} data-testid={`unit-node-${node.id}`}>
        <span className="tz-unit-node-name">{highlight(node.name, keyword)}</span>
        <Tag color={TYPE_COLORS[node.type]} bordered={false} className="tz-unit-node-tag">
          {node.type}
        </Tag>
      </span>
    ),
    children: toTreeData(node.children, keyword),
  }));
}

function defaultExpanded(nodes: UnitNode[]): Id[] {
  // Roots and their direct children: enough to see the structure without flooding the panel.
  return nodes.flatMap((node) => [node.id, ...node.children.map((child) => child.id)]);
}

interface UnitTreeProps {
  selectedId: Id | undefined;
  onSelect: (id: Id) => void;
  height?: number;
}

/** Searchable unit tree; large trees are virtualised by antd. */
export function UnitTree({ selectedId, onSelect, height = 560 }: UnitTreeProps) {
  const { data, isPending, error, refetch } = useUnitTree();
  const [keyword, setKeyword] = useState('');
  // Expansion chosen by the user, kept apart for browsing and for search results.
  const [browseExpanded, setBrowseExpanded] = useState<Key[] | null>(null);
  const [searchExpanded, setSearchExpanded] = useState<Key[] | null>(null);

  const filtered = useMemo(() => filterUnitTree(data ?? [], keyword), [data, keyword]);
  const treeData = useMemo(() => toTreeData(filtered.nodes, keyword.trim()), [filtered, keyword]);

  useEffect(() => {
    // Reveal the selected unit, e.g. one just created or chosen from the sub-unit list.
    if (!data || selectedId === undefined) return;
    const ancestors = findUnitPath(data, selectedId)
      .slice(0, -1)
      .map((node) => node.id);
    setBrowseExpanded((previous) => {
      const base = previous ?? defaultExpanded(data);
      const missing = ancestors.filter((id) => !base.includes(id));
      return missing.length > 0 ? [...base, ...missing] : previous;
    });
  }, [data, selectedId]);

  const searching = keyword.trim() !== '';
  const expanded = searching
    ? (searchExpanded ?? filtered.expandedIds)
    : (browseExpanded ?? defaultExpanded(data ?? []));
  const changeKeyword = (value: string) => {
    setKeyword(value);
    setSearchExpanded(null);
  };

  return (
    <div className="tz-unit-tree" data-testid="unit-tree">
      <Input.Search
        allowClear
        placeholder="搜索单位名称"
        onChange={(event) => changeKeyword(event.target.value)}
        onSearch={changeKeyword}
        data-testid="unit-tree-search"
        style={{ marginBottom: 12 }}
      />
      {searching && data ? (
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
          找到 {filtered.matchCount} 个单位
        </Typography.Text>
      ) : null}
      {error ? <QueryErrorAlert error={error} onRetry={() => void refetch()} /> : null}
      {isPending ? (
        <div className="tz-center-block">
          <Spin />
        </div>
      ) : treeData.length === 0 && !error ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={keyword.trim() ? '没有名称匹配的单位' : '暂无单位，请先新增单位'}
        />
      ) : (
        <Tree
          blockNode
          showLine={{ showLeafIcon: false }}
          height={height}
          treeData={treeData}
          expandedKeys={expanded}
          onExpand={(keys) => (searching ? setSearchExpanded(keys) : setBrowseExpanded(keys))}
          selectedKeys={selectedId !== undefined ? [selectedId] : []}
          onSelect={(keys) => {
            const key = keys[0];
            if (key !== undefined) onSelect(Number(key));
          }}
        />
      )}
    </div>
  );
}

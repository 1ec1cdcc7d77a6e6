import { DatePicker, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { yearOptions } from '../../lib/years';
import { PERIOD_MODE_LABELS, periodOf } from './period';
import type { PeriodMode, PeriodValue } from './period';

interface PeriodPickerProps {
  value?: PeriodValue;
  onChange?: (value: PeriodValue) => void;
  modes?: PeriodMode[];
  testId?: string;
}

/** Picks a 季度 / 半年 / 年度 / 自定义 period (a Form.Item control). */
export function PeriodPicker({
  value = periodOf('all'),
  onChange,
  modes = ['all', 'quarter', 'half', 'year', 'custom'],
  testId,
}: PeriodPickerProps) {
  const change = (patch: Partial<PeriodValue>) => onChange?.({ ...value, ...patch });
  return (
    <Space.Compact data-testid={testId}>
      <Select<PeriodMode>
        value={value.mode}
        style={{ width: 110 }}
        options={modes.map((mode) => ({ value: mode, label: PERIOD_MODE_LABELS[mode] }))}
        onChange={(mode) => onChange?.({ ...periodOf(mode), year: value.year })}
        data-testid={testId ? `${testId}-mode` : undefined}
      />
      {value.mode === 'quarter' || value.mode === 'half' || value.mode === 'year' ? (
        <Select<number>
          value={value.year}
          style={{ width: 110 }}
          options={yearOptions()}
          onChange={(year) => change({ year })}
          data-testid={testId ? `${testId}-year` : undefined}
        />
      ) : null}
      {value.mode === 'quarter' ? (
        <Select<number>
          value={value.part}
          style={{ width: 120 }}
          options={[1, 2, 3, 4].map((q) => ({ value: q, label: `第${'一二三四'[q - 1]}季度` }))}
          onChange={(part) => change({ part })}
          data-testid={testId ? `${testId}-part` : undefined}
        />
      ) : null}
      {value.mode === 'half' ? (
        <Select<number>
          value={value.part > 2 ? 2 : value.part}
          style={{ width: 110 }}
          options={[
            { value: 1, label: '上半年' },
            { value: 2, label: '下半年' },
          ]}
          onChange={(part) => change({ part })}
          data-testid={testId ? `${testId}-part` : undefined}
        />
      ) : null}
      {value.mode === 'custom' ? (
        <DatePicker.RangePicker
          value={value.from && value.to ? [dayjs(value.from), dayjs(value.to)] : null}
          onChange={(range) =>
            change({
              from: range?.[0]?.format('YYYY-MM-DD'),
              to: range?.[1]?.format('YYYY-MM-DD'),
            })
          }
        />
      ) : null}
    </Space.Compact>
  );
}

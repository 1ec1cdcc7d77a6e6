import { Spin } from 'antd';
import { usePreview } from './reports.api';
import type { Report } from './reports.types';

/** The report in the official layout; a click on a figure opens the records behind it. */
export function ReportPreview({
  report,
  onFigure,
}: {
  report: Report;
  onFigure: (key: string) => void;
}) {
  const { data, isFetching } = usePreview(report.id, report.version);
  return (
    <Spin spinning={isFetching}>
      <div
        style={{ background: '#f2f2f2', padding: 16, overflow: 'auto' }}
        onClick={(e) => {
          const target = (e.target as HTMLElement).closest('a.figure');
          const key = target?.getAttribute('data-figure-key');
          if (key) {
            e.preventDefault();
            onFigure(key);
          }
        }}
        // The server's renderer escapes every text; figures are <a class="figure" data-figure-key>.
        dangerouslySetInnerHTML={{ __html: data?.html ?? '' }}
      />
    </Spin>
  );
}

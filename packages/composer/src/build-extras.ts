import type { ComposeContext } from './compose-context';
import type { Piece } from './figures';
import { paragraphOf } from './figures';
import type { IncidentSeverity } from './compose-input';
import type { ReportParagraph } from './structured-report';

const SEVERITIES: IncidentSeverity[] = ['一般', '较大', '重大'];

function incidentsParagraph(ctx: ComposeContext): ReportParagraph | null {
  const incidents = ctx.input.incidents;
  if (!incidents) return null;
  if (incidents.total === 0) {
    return paragraphOf([`${ctx.periodShort}，未发生涉及本单位的舆情事件。`]);
  }
  const out: Piece[] = [
    `${ctx.periodShort}，`,
    ctx.pick('incidents.verb', ['妥善处置', '稳妥处置']),
    '涉及本单位的舆情事件',
    ctx.fig(incidents.total, '起', 'incident.count'),
  ];
  const present = SEVERITIES.filter((s) => (incidents.bySeverity[s] ?? 0) > 0);
  const only = present.length === 1 ? present[0] : undefined;
  if (only && incidents.bySeverity[only] === incidents.total) {
    out.push(`，均为${only}舆情`);
  } else if (present.length > 0) {
    out.push('，其中');
    present.forEach((s, i) => {
      if (i > 0) out.push('、');
      out.push(s, ctx.fig(incidents.bySeverity[s] ?? 0, '起', 'incident.count', { severity: s }));
    });
  }
  if (incidents.assessedInTime !== undefined && incidents.assessedInTime > 0) {
    out.push(
      '；',
      ctx.fig(incidents.assessedInTime, '起', 'incident.inTime'),
      '在规定时限内完成研判',
    );
  }
  if (incidents.closed > 0) {
    out.push('；已办结', ctx.fig(incidents.closed, '起', 'incident.closed'));
    if (incidents.meanResponseHours !== null) {
      out.push(
        '，平均处置用时',
        ctx.fig(incidents.meanResponseHours, '小时', 'incident.responseHours.mean'),
      );
    }
    if (incidents.medianResponseHours !== null) {
      const median = ctx.fig(
        incidents.medianResponseHours,
        '小时',
        'incident.responseHours.median',
      );
      out.push('，用时中位数为', median);
    }
  }
  out.push('。');
  return paragraphOf(out);
}

function channelsParagraph(ctx: ComposeContext): ReportParagraph | null {
  const channels = ctx.input.channels;
  if (!channels || channels.total === 0) return null;
  const out: Piece[] = ['登记在册的宣传阵地共', ctx.fig(channels.total, '个', 'channel.total')];
  const platforms = channels.byPlatform
    .filter((p) => p.count > 0 && p.platform.trim() !== '')
    .slice(0, 4);
  if (platforms.length > 0) {
    out.push('，包括');
    platforms.forEach((p, i) => {
      if (i > 0) out.push('、');
      out.push(
        p.platform.trim(),
        ctx.fig(p.count, '个', 'channel.platform', { platform: p.platform }),
      );
    });
  }
  if (channels.active === channels.total) out.push('，均在正常使用');
  else if (channels.active > 0)
    out.push('，其中', ctx.fig(channels.active, '个', 'channel.active'), '在正常使用');
  out.push('。');
  return paragraphOf(out);
}

function releasesParagraph(ctx: ComposeContext): ReportParagraph | null {
  const releases = ctx.input.releases;
  if (!releases || releases.published === 0) return null;
  const out: Piece[] = [
    ctx.pick('releases.lead', ['落实信息发布审核制度，', '坚持信息发布“三审”制度，']),
    '经审核发布信息',
    ctx.fig(releases.published, '条', 'release.published'),
  ];
  if (releases.returned > 0)
    out.push('，审核中退回修改', ctx.fig(releases.returned, '条', 'release.returned'));
  out.push('。');
  return paragraphOf(out);
}

function rectificationParagraph(ctx: ComposeContext): ReportParagraph | null {
  const rect = ctx.input.rectification;
  if (!rect || rect.total === 0) return null;
  const out: Piece[] = [
    '建立整改事项台账，跟踪督办整改落实，共明确整改事项',
    ctx.fig(rect.total, '项', 'rectification.total'),
  ];
  if (rect.closed > 0) out.push('，已完成整改', ctx.fig(rect.closed, '项', 'rectification.closed'));
  out.push('。');
  return paragraphOf(out);
}

function subordinatesParagraph(ctx: ComposeContext): ReportParagraph | null {
  const sub = ctx.input.subordinates;
  if (!sub || sub.units === 0) return null;
  const out: Piece[] = ['所属', ctx.fig(sub.units, '个', 'subordinate.units'), '党组织中，'];
  if (sub.reported > 0)
    out.push(ctx.fig(sub.reported, '个', 'subordinate.reported'), '已报送本期工作报告，');
  out.push(ctx.fig(sub.withRecords, '个', 'subordinate.withRecords'), '在台账中记录了本期工作');
  if (sub.activities > 0)
    out.push('，共记录各类工作', ctx.fig(sub.activities, '项', 'subordinate.activities'));
  out.push('。');
  return paragraphOf(out);
}

/** Paragraphs about incidents, channels, releases, rectification and subordinates, by area. */
export function buildExtrasByArea(ctx: ComposeContext): Map<string, ReportParagraph[]> {
  const byArea = new Map<string, ReportParagraph[]>();
  const add = (area: string, paragraph: ReportParagraph | null): void => {
    if (!paragraph) return;
    byArea.set(area, [...(byArea.get(area) ?? []), paragraph]);
  };
  const { placements } = ctx;
  add(placements.subordinates, subordinatesParagraph(ctx));
  add(placements.releases, releasesParagraph(ctx));
  add(placements.channels, channelsParagraph(ctx));
  add(placements.incidents, incidentsParagraph(ctx));
  add(placements.rectification, rectificationParagraph(ctx));
  return byArea;
}

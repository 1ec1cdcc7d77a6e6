import type { ComposeInput, FigureRefs } from '../src/index';

const round1 = (v: number): number => Math.round(v * 10) / 10;

/**
 * Recomputes a figure from the composer's input, independently of the composer: the same
 * question the server answers with SQL from the figure's refs.
 */
export function recomputeFigure(input: ComposeInput, refs: FigureRefs): number {
  const groups = input.areas
    .filter((a) => a.area === refs.area)
    .flatMap((a) => a.groups)
    .filter((g) => refs.type === undefined || g.type === refs.type)
    .filter((g) => refs.subtype === undefined || g.subtype === refs.subtype);
  const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);
  const requirement = (input.requirements ?? []).find(
    (r) => r.id === refs.requirementId && r.from === refs.from && r.to === refs.to,
  );
  const incidents = input.incidents;
  switch (refs.measure) {
    case 'activity.total':
      return input.activityTotal;
    case 'activity.count':
      return sum(groups.map((g) => g.count));
    case 'activity.participants':
      return sum(groups.map((g) => g.participants));
    case 'activity.attendance':
      return sum(groups.map((g) => g.attendancePresent ?? 0));
    case 'outlet.count':
      return sum(
        groups
          .flatMap((g) => g.outlets ?? [])
          .filter((o) => o.outlet === refs.outlet)
          .map((o) => o.count),
      );
    case 'record.participants': {
      const samples = input.areas.flatMap((a) => a.groups).flatMap((g) => g.samples);
      return samples.find((s) => s.id === refs.recordIds?.[0])?.participants ?? Number.NaN;
    }
    case 'incident.count':
      return refs.severity
        ? (incidents?.bySeverity[refs.severity] ?? 0)
        : (incidents?.total ?? Number.NaN);
    case 'incident.closed':
      return incidents?.closed ?? Number.NaN;
    case 'incident.open':
      return incidents ? incidents.total - incidents.closed : Number.NaN;
    case 'incident.inTime':
      return incidents?.assessedInTime ?? Number.NaN;
    case 'incident.responseHours.median':
      return round1(incidents?.medianResponseHours ?? Number.NaN);
    case 'incident.responseHours.mean':
      return round1(incidents?.meanResponseHours ?? Number.NaN);
    case 'rectification.total':
      return input.rectification?.total ?? Number.NaN;
    case 'rectification.closed':
      return input.rectification?.closed ?? Number.NaN;
    case 'rectification.overdue':
      return input.rectification?.overdue ?? Number.NaN;
    case 'channel.total':
      return input.channels?.total ?? Number.NaN;
    case 'channel.active':
      return input.channels?.active ?? Number.NaN;
    case 'channel.platform':
      return (
        input.channels?.byPlatform.find((p) => p.platform === refs.platform)?.count ?? Number.NaN
      );
    case 'release.published':
      return input.releases?.published ?? Number.NaN;
    case 'release.returned':
      return input.releases?.returned ?? Number.NaN;
    case 'requirement.required':
      return requirement?.required ?? Number.NaN;
    case 'requirement.actual':
      return requirement?.actual ?? Number.NaN;
    case 'subordinate.units':
      return input.subordinates?.units ?? Number.NaN;
    case 'subordinate.reported':
      return input.subordinates?.reported ?? Number.NaN;
    case 'subordinate.withRecords':
      return input.subordinates?.withRecords ?? Number.NaN;
    case 'subordinate.activities':
      return input.subordinates?.activities ?? Number.NaN;
    default: {
      const unknown: never = refs.measure;
      throw new Error(`no oracle for ${String(unknown)}`);
    }
  }
}

/** Every string the input supplies that may legitimately appear (with its digits) in the text. */
export function inputStrings(input: ComposeInput): string[] {
  const out: string[] = [
    input.unit.name,
    input.period.label,
    input.parentUnitName ?? '',
    input.basis ?? '',
  ];
  for (const area of input.areas) {
    out.push(area.area);
    for (const g of area.groups) {
      out.push(g.subtype, ...(g.topics ?? []), ...(g.outlets ?? []).map((o) => o.outlet));
      for (const s of g.samples) out.push(s.title, s.outlet ?? '', ...(s.topics ?? []));
    }
  }
  for (const r of input.requirements ?? []) out.push(r.title, r.cadence, r.periodLabel);
  for (const item of input.rectification?.overdueItems ?? []) out.push(item.title);
  for (const p of input.channels?.byPlatform ?? []) out.push(p.platform);
  out.push(...(input.problems ?? []), ...(input.plans ?? []));
  return out.filter((s) => s !== '').sort((a, b) => b.length - a.length);
}

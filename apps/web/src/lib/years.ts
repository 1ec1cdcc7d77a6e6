/** Year choices for per-year data: next year down to five years back. */
export function yearOptions(current = new Date().getFullYear()) {
  return Array.from({ length: 7 }, (_, index) => current + 1 - index).map((year) => ({
    value: year,
    label: `${year} 年`,
  }));
}

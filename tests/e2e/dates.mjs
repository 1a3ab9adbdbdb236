// Dates relative to the browser's today, so journeys stay true whatever day the tests run.
export function isoDaysAgo(days, from = new Date()) {
  const d = new Date(from.getFullYear(), from.getMonth(), from.getDate() - days, 12);
  return iso(d);
}

export function isoMonthsAgo(months, from = new Date()) {
  const d = new Date(from.getFullYear(), from.getMonth() - months, from.getDate(), 12);
  return iso(d);
}

/** `date` plus whole months, clamped to the month's last day (as the engine does). */
export function addMonths(isoDate, months) {
  const [y, m, d] = isoDate.split("-").map(Number);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total % 12;
  const last = new Date(ny, nm + 1, 0).getDate();
  return iso(new Date(ny, nm, Math.min(d, last), 12));
}

export function addDays(isoDate, days) {
  const [y, m, d] = isoDate.split("-").map(Number);
  return iso(new Date(y, m - 1, d + days, 12));
}

function iso(d) {
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

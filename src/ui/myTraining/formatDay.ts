/** A calendar day in the reader's locale, e.g. "12 Mar 2025"; the raw text if the value is not a date. */
export function formatDay(isoDateTime: string, locale: string | undefined): string {
  const time = Date.parse(isoDateTime);
  if (Number.isNaN(time)) return isoDateTime;
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric' }).format(new Date(time));
}

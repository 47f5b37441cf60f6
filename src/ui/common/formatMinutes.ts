/** A duration in the reader's locale, e.g. "1 h 30 min" in English; whole hours and minutes. */
export function formatMinutes(minutes: number, locale: string | undefined): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const number = new Intl.NumberFormat(locale);
  if (hours === 0) return `${number.format(rest)} min`;
  return rest === 0 ? `${number.format(hours)} h` : `${number.format(hours)} h ${number.format(rest)} min`;
}

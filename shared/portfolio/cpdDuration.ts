/** A count with its noun: "1 hour", "3 hours", "1,200 minutes". */
export function counted(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}

/** "1 hour 30 minutes", "35 hours", "20 minutes"; no time at all is "0 hours". */
export function formatCpdDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (rest === 0) return counted(hours, 'hour', 'hours');
  if (hours === 0) return counted(rest, 'minute', 'minutes');
  return `${counted(hours, 'hour', 'hours')} ${counted(rest, 'minute', 'minutes')}`;
}

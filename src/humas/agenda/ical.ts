/** The agenda as iCalendar (RFC 5545) via ical-generator: one feed per institution, and one for all. */
import ical, { ICalCalendarMethod } from 'ical-generator';

export interface IcalItem {
  readonly id: string;
  readonly title: string;
  readonly kind: string;
  readonly topic: string;
  readonly hashtag: string;
  readonly audience: string;
  readonly location: string;
  readonly description: string;
  readonly starts_at: Date;
  readonly ends_at: Date;
  readonly organization: string;
  readonly organization_title: string;
  readonly modified: Date;
}

export function agendaCalendar(name: string, items: readonly IcalItem[], baseUrl: string): string {
  const cal = ical({
    name,
    prodId: { company: 'Kendali', product: 'Agenda Humas', language: 'ID' },
    method: ICalCalendarMethod.PUBLISH,
  });
  for (const item of items) {
    const lines = [
      item.description,
      item.topic ? `Topik: ${item.topic}` : '',
      item.hashtag ? `Tagar: ${item.hashtag}` : '',
      item.audience ? `Sasaran: ${item.audience}` : '',
      `Instansi: ${item.organization_title}`,
    ].filter(Boolean);
    cal.createEvent({
      id: `${item.id}@kendali`,
      start: item.starts_at,
      end: item.ends_at,
      stamp: item.modified,
      summary: `[${item.organization_title}] ${item.title}`,
      description: lines.join('\n'),
      location: item.location || null,
      categories: [{ name: item.kind }, ...(item.topic ? [{ name: item.topic }] : [])],
      url: `${baseUrl.replace(/\/+$/, '')}/humas/agenda#${item.id}`,
    });
  }
  return cal.toString();
}

/** Share links of an article for each channel, with every part URL-encoded. */
export interface ShareTarget {
  readonly url: string;
  readonly title: string;
  readonly lead: string;
  readonly hashtags: readonly string[];
}

const enc = encodeURIComponent;

export function shareLinks(t: ShareTarget): Record<string, string> {
  const tags = t.hashtags.map((h) => h.replace(/^#/, ''));
  const text = [t.title, tags.map((h) => `#${h}`).join(' ')].filter(Boolean).join(' ');
  return {
    whatsapp: `https://wa.me/?text=${enc(`${text} ${t.url}`)}`,
    facebook: `https://www.facebook.com/sharer/sharer.php?u=${enc(t.url)}`,
    x: `https://x.com/intent/tweet?url=${enc(t.url)}&text=${enc(t.title)}${tags.length ? `&hashtags=${enc(tags.join(','))}` : ''}`,
    telegram: `https://t.me/share/url?url=${enc(t.url)}&text=${enc(text)}`,
    linkedin: `https://www.linkedin.com/sharing/share-offsite/?url=${enc(t.url)}`,
    email: `mailto:?subject=${enc(t.title)}&body=${enc(`${t.lead ? `${t.lead}\n\n` : ''}${t.url}`)}`,
    copy: t.url,
  };
}

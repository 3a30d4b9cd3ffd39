/**
 * Dataset and institution descriptions are Markdown. Raw HTML in them is never rendered
 * (markdown-it with `html: false` escapes it) and links to script URLs are dropped by
 * markdown-it's link validation; input carrying script markup is refused earlier, at the
 * action (see `unsafeMarkup`).
 */
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: false, linkify: true, typographer: false });

// Links open safely: no referrer leak, no access to the opener.
const defaultLink =
  md.renderer.rules.link_open ??
  ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx]?.attrSet('rel', 'noopener noreferrer nofollow');
  return defaultLink(tokens, idx, options, env, self);
};

export const renderMarkdown = (text: string): string => md.render(text);

/** Markdown that would run script when rendered by a careless client: refused at input. */
const UNSAFE_MARKUP =
  /<\s*(script|iframe|object|embed|style)\b|\bon[a-z]+\s*=|javascript\s*:|vbscript\s*:|data\s*:\s*text\/html/i;
export const unsafeMarkup = (text: string | undefined): boolean =>
  text !== undefined && UNSAFE_MARKUP.test(text);

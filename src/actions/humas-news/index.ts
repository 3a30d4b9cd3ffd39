/**
 * Humas news: articles of institutions (`article_create/show/list/update`), their readers'
 * engagement (`article_view`, `article_react`, `article_share`) and the control room's feed of
 * it (`humas_engagement`). See src/humas/news/ for counting without personal data.
 */
import type { ActionRegistry } from '../registry.js';
import { articleReact, articleShare, articleView } from './engage.js';
import { humasEngagement } from './engagement.js';
import { articleList, articleShow } from './read.js';
import { articleCreate, articleUpdate } from './write.js';

export const registerHumasNewsActions = (r: ActionRegistry): ActionRegistry =>
  r
    .register(articleCreate)
    .register(articleShow)
    .register(articleList)
    .register(articleUpdate)
    .register(articleView)
    .register(articleReact)
    .register(articleShare)
    .register(humasEngagement);

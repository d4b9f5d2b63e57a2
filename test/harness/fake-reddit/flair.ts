/** Fake `devvit.plugin.redditapi.flair.Flair`: templates, user flair (single and CSV batch), post flair. */
import { FakeRedditError, type FakeFlairTemplate, type FakeReddit } from './model.js';

type Req = Record<string, any>;

export function flairPlugin(m: FakeReddit) {
  const templateJson = (t: FakeFlairTemplate) => ({
    id: t.templateId,
    text: t.text,
    cssClass: t.cssClass,
    textColor: t.textColor ?? 'dark',
    backgroundColor: t.backgroundColor ?? 'transparent',
    modOnly: t.modOnly,
    textEditable: t.textEditable,
    allowableContent: 'all',
    maxEmojis: 10,
    type: 'text',
    richtext: [],
    overrideCss: false,
  });
  return {
    async SelectFlair(req: Req) {
      m.checkSubreddit(req.subreddit);
      const actor = m.requireModeratorActor('flair');
      const template = req.flairTemplateId ? m.flairTemplates.find((t) => t.templateId === req.flairTemplateId) : undefined;
      if (req.flairTemplateId && !template) throw new FakeRedditError(400, `Bad Request: unknown flair template ${req.flairTemplateId}`);
      const flair = {
        text: String(req.text || template?.text || ''),
        cssClass: String(req.cssClass || template?.cssClass || ''),
        templateId: String(req.flairTemplateId ?? ''),
        textColor: req.textColor,
        backgroundColor: req.backgroundColor,
      };
      const empty = !flair.text && !flair.cssClass && !flair.templateId;
      if (req.link) {
        const p = m.posts.get(String(req.link));
        if (!p) throw new FakeRedditError(404, `Not Found: ${req.link}`);
        p.flair = empty ? undefined : flair;
        m.log('editflair', actor, { targetId: p.id, targetAuthor: p.authorName, details: flair.text });
      } else {
        const u = m.requireUser(String(req.name));
        if (empty) m.userFlair.delete(u.name.toLowerCase());
        else m.userFlair.set(u.name.toLowerCase(), flair);
        m.log('editflair', actor, { targetAuthor: u.name, details: flair.text });
      }
      return {};
    },
    async FlairCsv(req: Req) {
      m.checkSubreddit(req.subreddit);
      const actor = m.requireModeratorActor('flair');
      const lines = String(req.flairCsv).split('\n').filter(Boolean);
      const result = lines.map((line) => {
        const [name = '', text = '', cssClass = ''] = line.split(',');
        const u = m.user(name);
        if (!u) return { ok: false, status: 'skipped', warnings: {}, errors: { user: `unable to resolve user \`${name}\`, ignoring` } };
        if (!text && !cssClass) m.userFlair.delete(u.name.toLowerCase());
        else m.userFlair.set(u.name.toLowerCase(), { text, cssClass, templateId: '' });
        m.log('editflair', actor, { targetAuthor: u.name, details: text });
        return { ok: true, status: 'added flair for user', warnings: {}, errors: {} };
      });
      return { result };
    },
    async FlairTemplate(req: Req) {
      m.checkSubreddit(req.subreddit);
      m.requireModeratorActor('flair');
      const t: FakeFlairTemplate = {
        kind: req.flairType === 'LINK_FLAIR' ? 'post' : 'user',
        templateId: req.flairTemplateId || `tmpl-${m.nextId()}`,
        text: String(req.text ?? ''),
        cssClass: String(req.cssClass ?? ''),
        textColor: req.textColor,
        backgroundColor: req.backgroundColor,
        modOnly: Boolean(req.modOnly),
        textEditable: Boolean(req.textEditable),
      };
      const i = m.flairTemplates.findIndex((x) => x.templateId === t.templateId);
      if (i >= 0) m.flairTemplates[i] = t;
      else m.flairTemplates.push(t);
      return templateJson(t);
    },
    async DeleteFlairTemplate(req: Req) {
      m.requireModeratorActor('flair');
      const i = m.flairTemplates.findIndex((x) => x.templateId === req.flairTemplateId);
      if (i >= 0) m.flairTemplates.splice(i, 1);
      return {};
    },
    async UserFlair(req: Req) {
      m.checkSubreddit(req.subreddit);
      return { flair: m.flairTemplates.filter((t) => t.kind === 'user').map(templateJson) };
    },
    async LinkFlair(req: Req) {
      m.checkSubreddit(req.subreddit);
      return { flair: m.flairTemplates.filter((t) => t.kind === 'post').map(templateJson) };
    },
    async FlairList(req: Req) {
      m.checkSubreddit(req.subreddit);
      const users = [...m.userFlair.entries()]
        .filter(([name]) => !req.name || name === String(req.name).toLowerCase())
        .map(([name, f]) => ({ user: m.user(name)?.name ?? name, flairText: f.text, flairCssClass: f.cssClass }));
      return { users };
    },
  };
}

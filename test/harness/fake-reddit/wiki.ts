/** Fake `devvit.plugin.redditapi.wiki.Wiki`: pages with revisions, settings (permission level), editors. */
import { FakeRedditError, type FakeReddit, type FakeWikiPage } from './model.js';
import { userAbout } from './shapes.js';

type Req = Record<string, any>;

export function wikiPlugin(m: FakeReddit) {
  const page = (name: string): FakeWikiPage => {
    const wp = m.wiki.get(name);
    if (!wp || wp.revisions.length === 0) throw new FakeRedditError(404, `Not Found: wiki page ${name}`);
    return wp;
  };
  const authorData = (name: string) => {
    const u = m.user(name);
    return { kind: 't2', data: u ? userAbout(m, u) : { id: '', name, createdUtc: 0 } };
  };
  const settings = (wp: FakeWikiPage) => ({
    data: {
      listed: wp.listed,
      permLevel: wp.permLevel,
      editors: wp.editors.map((e) => authorData(e)),
    },
  });
  return {
    async GetWikiPage(req: Req) {
      m.checkSubreddit(req.subreddit);
      const wp = page(String(req.page));
      const rev = req.revisionId ? wp.revisions.find((r) => r.id === req.revisionId) : wp.revisions.at(-1);
      if (!rev) throw new FakeRedditError(404, `Not Found: revision ${req.revisionId} of ${req.page}`);
      return {
        kind: 'wikipage',
        data: {
          contentMd: rev.content,
          contentHtml: '',
          mayRevise: true,
          revisionBy: authorData(rev.author),
          revisionDate: rev.at,
          revisionId: rev.id,
          reason: rev.reason,
        },
      };
    },
    async GetWikiPages(req: Req) {
      m.checkSubreddit(req.subreddit);
      return { kind: 'wikipagelisting', data: [...m.wiki.values()].filter((w) => w.revisions.length > 0).map((w) => w.name) };
    },
    async EditWikiPage(req: Req) {
      m.checkSubreddit(req.subreddit);
      const actor = m.requireModeratorActor('wiki');
      m.editWikiPage(String(req.page), String(req.content), actor, String(req.reason ?? ''));
      return {};
    },
    async GetWikiPageRevisions(req: Req) {
      m.checkSubreddit(req.subreddit);
      const wp = page(String(req.page));
      const children = [...wp.revisions].reverse().map((r) => ({
        id: r.id,
        page: wp.name,
        timestamp: r.at * 1000,
        reason: r.reason,
        revisionHidden: false,
        author: authorData(r.author),
      }));
      return { kind: 'Listing', data: { children } };
    },
    async GetWikiPageSettings(req: Req) {
      m.checkSubreddit(req.subreddit);
      return settings(page(String(req.page)));
    },
    async UpdateWikiPageSettings(req: Req) {
      m.checkSubreddit(req.subreddit);
      const actor = m.requireModeratorActor('wiki');
      const wp = page(String(req.page));
      wp.listed = req.listed === 'on';
      wp.permLevel = Number(req.permlevel ?? wp.permLevel);
      m.log('wikipermlevel', actor, { details: `Page ${wp.name} permlevel ${wp.permLevel}` });
      return settings(wp);
    },
    async AllowEditor(req: Req) {
      m.checkSubreddit(req.subreddit);
      m.requireModeratorActor('wiki');
      const wp = page(String(req.page));
      const name = m.requireUser(String(req.username)).name;
      wp.editors = wp.editors.filter((e) => e.toLowerCase() !== name.toLowerCase());
      if (req.act === 'add') wp.editors.push(name);
      return {};
    },
    async RevertWikiPage(req: Req) {
      m.checkSubreddit(req.subreddit);
      const actor = m.requireModeratorActor('wiki');
      const wp = page(String(req.page));
      const rev = wp.revisions.find((r) => r.id === req.revision);
      if (!rev) throw new FakeRedditError(404, `Not Found: revision ${req.revision}`);
      m.editWikiPage(wp.name, rev.content, actor, `reverted to ${rev.id}`);
      return {};
    },
  };
}

/**
 * AutoModerator's `standard:` conditions. Reddit keeps the authoritative lists server-side
 * (/wiki/automoderator/standard-conditions); these are the published definitions, not updated live.
 */
export interface StandardCondition {
  key: string;
  values: string[];
}

export const STANDARD_CONDITIONS: Record<string, StandardCondition> = {
  'image hosting sites': {
    key: 'domain',
    values: [
      '500px.com', 'abload.de', 'anony.ws', 'deviantart.com', 'deviantart.net', 'fav.me', 'fbcdn.net', 'flickr.com',
      'forgifs.com', 'giphy.com', 'gfycat.com', 'gifs.com', 'gifsoup.com', 'gyazo.com', 'imageshack.us', 'imgclean.com',
      'imgur.com', 'instagr.am', 'instagram.com', 'i.reddituploads.com', 'mediacru.sh', 'media.tumblr.com', 'min.us',
      'minus.com', 'myimghost.com', 'photobucket.com', 'picsarus.com', 'postimg.org', 'puu.sh', 'i.redd.it', 'sli.mg',
      'staticflickr.com', 'tinypic.com', 'twitpic.com',
    ],
  },
  'direct image links': {
    key: 'url (regex, ends-with)',
    values: ['\\.(jpe?g|png|gifv?|webp|bmp|tiff?)(\\?.*)?'],
  },
  'video hosting sites': {
    key: 'domain',
    values: [
      'youtube.com', 'youtu.be', 'vimeo.com', 'dailymotion.com', 'liveleak.com', 'twitch.tv', 'streamable.com',
      'v.redd.it', 'vid.me', 'gfycat.com', 'metacafe.com', 'vine.co', 'worldstarhiphop.com', 'bitchute.com',
      'rumble.com', 'tiktok.com',
    ],
  },
  'streaming sites': {
    key: 'domain',
    values: ['twitch.tv', 'youtube.com/live', 'kick.com', 'mixer.com', 'hitbox.tv', 'ustream.tv', 'livestream.com', 'periscope.tv'],
  },
  'crowdfunding sites': {
    key: 'domain',
    values: [
      'kickstarter.com', 'indiegogo.com', 'gofundme.com', 'patreon.com', 'fundly.com', 'rockethub.com',
      'crowdrise.com', 'youcaring.com', 'tilt.com', 'generosity.com', 'ko-fi.com', 'buymeacoffee.com',
    ],
  },
  'meme generator sites': {
    key: 'domain',
    values: [
      'memegenerator.net', 'quickmeme.com', 'qkme.me', 'memecrunch.com', 'imgflip.com', 'makeameme.org',
      'livememe.com', 'memegen.com', 'diylol.com', 'troll.me', 'knowyourmeme.com', 'memecreator.org',
    ],
  },
  'facebook links': {
    key: 'domain',
    values: ['facebook.com', 'fb.com', 'fb.me', 'fbcdn.net', 'm.facebook.com'],
  },
  'amazon affiliate links': {
    key: 'url+body (regex, includes)',
    values: ['amazon\\.[a-z.]+/.*?tag=', 'amzn\\.to/'],
  },
};

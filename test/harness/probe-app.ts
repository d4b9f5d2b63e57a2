/**
 * A probe app for the harness's own tests: it registers a trigger, a job, menu items and a form on
 * the real `Devvit` singleton, and runs whatever the test hands it inside a real JobContext.
 * (Each vitest file has its own module graph, so this does not leak into the app's tests.)
 */
import { Devvit, type JobContext } from '@devvit/public-api';

type Probe = (context: JobContext) => Promise<unknown>;
let probe: Probe = async () => undefined;
let lastResult: unknown;

/** Sets the function the 'probe' job will run, and returns a reader of its result. */
export function setProbe(fn: Probe): () => unknown {
  probe = fn;
  return () => lastResult;
}

Devvit.configure({ redditAPI: true, redis: true });

Devvit.addSchedulerJob({
  name: 'probe',
  onRun: async (_event, context) => {
    lastResult = await probe(context);
  },
});

Devvit.addSchedulerJob({
  name: 'probe-count',
  onRun: async (event, context) => {
    await context.redis.incrBy(`probe:job:${String(event.data?.tag ?? 'none')}`, 1);
  },
});

Devvit.addTrigger({
  event: 'PostSubmit',
  onEvent: async (event, context) => {
    await context.redis.incrBy(`probe:postsubmit:${event.post?.id ?? ''}`, 1);
  },
});

Devvit.addMenuItem({
  label: 'probe: remove',
  location: 'post',
  onPress: async (event, context) => {
    await context.reddit.remove(event.targetId, false);
    context.ui.showToast('removed');
  },
});

const probeForm = Devvit.createForm(
  { title: 'Probe', fields: [{ type: 'select', name: 'reason', label: 'Reason', options: [{ label: 'AI', value: 'ai' }, { label: 'Other', value: 'other' }] }, { type: 'string', name: 'note', label: 'Note' }] },
  async (event, context) => {
    const reason = (event.values.reason as string[] | undefined)?.[0] ?? '';
    await context.redis.set('probe:form', JSON.stringify({ reason, note: event.values.note, user: context.username, postId: context.postId }));
    context.ui.showToast(`submitted ${reason}`);
  },
);

Devvit.addMenuItem({
  label: 'probe: form',
  location: 'post',
  onPress: async (_event, context) => {
    context.ui.showForm(probeForm);
  },
});

export default Devvit;

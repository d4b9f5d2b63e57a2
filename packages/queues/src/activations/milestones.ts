/** The milestones of a brand activation, in the order the default predecessor chain runs. */
export const MILESTONES = ['kickoff', 'brief', 'artists_assigned', 'assets_submitted', 'review_passed', 'staged', 'launch', 'community_announcement'] as const;
export type Milestone = (typeof MILESTONES)[number];

/** The teams a milestone can be owned by. */
export const OWNER_TEAMS = ['Brand', 'Legal', 'Design', 'Engineering', 'Community'] as const;
export type OwnerTeam = (typeof OWNER_TEAMS)[number];

/** Who owns a milestone when the tracker does not say. */
export const DEFAULT_OWNERS: Readonly<Record<Milestone, OwnerTeam>> = {
  kickoff: 'Brand',
  brief: 'Brand',
  artists_assigned: 'Design',
  assets_submitted: 'Design',
  review_passed: 'Legal',
  staged: 'Engineering',
  launch: 'Engineering',
  community_announcement: 'Community',
};

/**
 * The default predecessors. The community announcement needs the reviewed assets, not the staged build,
 * so it runs parallel to staging (and launch); it is never a predecessor of launch.
 */
export const DEFAULT_AFTER: Readonly<Record<Milestone, readonly Milestone[]>> = {
  kickoff: [],
  brief: ['kickoff'],
  artists_assigned: ['brief'],
  assets_submitted: ['artists_assigned'],
  review_passed: ['assets_submitted'],
  staged: ['review_passed'],
  launch: ['staged'],
  community_announcement: ['review_passed'],
};

/** Business days a step needs after its predecessors are done, when the settings do not say. */
export const DEFAULT_MIN_BUSINESS_DAYS: Readonly<Record<Milestone, number>> = {
  kickoff: 0,
  brief: 3,
  artists_assigned: 2,
  assets_submitted: 5,
  review_passed: 2,
  staged: 2,
  launch: 1,
  community_announcement: 1,
};

/** True when `name` is one of the milestones. */
export function isMilestone(name: string): name is Milestone {
  return (MILESTONES as readonly string[]).includes(name);
}

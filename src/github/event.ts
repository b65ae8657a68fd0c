import { readFile } from 'node:fs/promises';

/** The parts of the triggering event that decide what to upscale and where to commit. */
export type RunEvent =
  | {
      readonly kind: 'push';
      /** Undefined for a tag push. */
      readonly branch: string | undefined;
      readonly before: string;
      readonly after: string;
      /** A new branch, or a force push: `before` is no base to compare with. */
      readonly noBase: boolean;
    }
  | {
      readonly kind: 'pull_request';
      readonly number: number;
      readonly headRef: string;
      /** `owner/name` of the head repository: another one for a pull request from a fork. */
      readonly headRepo: string;
    }
  | { readonly kind: 'other'; readonly name: string; readonly branch: string | undefined };

export interface RunContext {
  readonly owner: string;
  readonly repo: string;
  readonly event: RunEvent;
}

const ZERO_SHA = /^0+$/;

function branchOf(ref: string | undefined): string | undefined {
  return ref?.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
}

interface PushPayload {
  before?: string;
  after?: string;
  created?: boolean;
  forced?: boolean;
}
interface PullRequestPayload {
  pull_request?: { number?: number; head?: { ref?: string; repo?: { full_name?: string } | null } };
}

/** Reads the repository and the event the way the runner hands them over (environment and event file). */
export async function readRunContext(env: NodeJS.ProcessEnv): Promise<RunContext> {
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo) throw new Error('GITHUB_REPOSITORY is not set (owner/name); is this running in GitHub Actions?');
  const payload = env.GITHUB_EVENT_PATH
    ? (JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8')) as PushPayload & PullRequestPayload)
    : {};
  const name = env.GITHUB_EVENT_NAME ?? '';
  const branch = branchOf(env.GITHUB_REF);
  if (name === 'push' && payload.before && payload.after) {
    const noBase = Boolean(payload.created || payload.forced) || ZERO_SHA.test(payload.before);
    return { owner, repo, event: { kind: 'push', branch, before: payload.before, after: payload.after, noBase } };
  }
  const pr = payload.pull_request;
  if ((name === 'pull_request' || name === 'pull_request_target') && pr?.number && pr.head?.ref) {
    const headRepo = pr.head.repo?.full_name ?? '';
    return { owner, repo, event: { kind: 'pull_request', number: pr.number, headRef: pr.head.ref, headRepo } };
  }
  return { owner, repo, event: { kind: 'other', name, branch } };
}

/** Where results are committed unless `branch` says otherwise: the pushed branch or the pull request's head. */
export function defaultBranch(event: RunEvent): string | undefined {
  return event.kind === 'pull_request' ? event.headRef : event.branch;
}

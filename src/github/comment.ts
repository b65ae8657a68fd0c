import { log } from '../report/log.js';
import { join } from 'node:path';
import { probeImageFile } from '../imaging/image-file.js';
import { Input } from '../inputs/inputs.js';
import { githubRule } from './commit.js';
import type { RunOutcome } from '../report/outcome.js';
import { defaultRetryPolicy, withRetries, type RetryPolicy } from '../async/retry.js';
import type { SourceResult } from '../state/results.js';
import type { Settings } from '../settings/settings.js';
import type { GitHubClient } from './client.js';
import { renderComment, type CommentLinks } from '../report/comment-body.js';
import type { RunContext } from './event.js';

interface HttpError {
  status?: number;
  message?: string;
}

/**
 * The hidden first line that finds our comment again, one per workflow job, so two jobs using the action keep a
 * comment each. Only characters that cannot end an HTML comment.
 */
export function commentMarker(env: NodeJS.ProcessEnv): string {
  const job = `${env.GITHUB_WORKFLOW ?? ''}/${env.GITHUB_JOB ?? ''}`.replace(/[^\w ./-]/g, '_');
  return `<!-- ideogram-upscale-action comment: ${job} -->`;
}

/** Whether a run's results are worth a comment under `auto`: anything but sources already done. */
function worthReporting(results: readonly SourceResult[]): boolean {
  return results.some(result => result.status !== 'skipped');
}

/** Finds the comment carrying `marker` (paging through all of them) and updates it, or creates one. */
export async function upsertComment(
  github: GitHubClient,
  where: { owner: string; repo: string; issue: number },
  marker: string,
  body: string,
  retry: RetryPolicy
): Promise<{ kind: 'created' | 'updated'; url: string }> {
  const call = <T>(fn: () => Promise<T>): Promise<T> => withRetries(fn, retry, githubRule);
  const { owner, repo, issue } = where;
  const comments = await call(() =>
    github.paginate(github.rest.issues.listComments, { owner, repo, issue_number: issue, per_page: 100 })
  );
  const ours = comments.find(comment => comment.body?.startsWith(marker));
  if (ours) {
    const { data } = await call(() => github.rest.issues.updateComment({ owner, repo, comment_id: ours.id, body }));
    return { kind: 'updated', url: data.html_url };
  }
  const { data } = await call(() => github.rest.issues.createComment({ owner, repo, issue_number: issue, body }));
  return { kind: 'created', url: data.html_url };
}

/** The event names whose runs have a pull request to comment on. */
const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target'];

/**
 * Reports the run in its pull request: one comment, found again by its marker and updated in place. A comment is
 * never worth failing the run for: when GitHub refuses (a fork's read-only token, no `pull-requests: write`) or
 * cannot be reached, one warning says why and the run goes on.
 */
export async function commentOnPullRequest(
  settings: Settings,
  outcome: RunOutcome,
  github: () => Promise<{ client: GitHubClient; context: RunContext }>,
  env: NodeJS.ProcessEnv
): Promise<void> {
  if (settings.publishing.comment === 'never' || !PULL_REQUEST_EVENTS.includes(env.GITHUB_EVENT_NAME ?? '')) return;
  if (settings.publishing.comment === 'auto' && !worthReporting(outcome.results)) {
    log.info(`No pull request comment: nothing new to report ('${Input.Comment}: always' comments anyway).`);
    return;
  }
  if (!settings.publishing.commit.token) {
    log.info(`No pull request comment: there is no '${Input.GithubToken}'.`);
    return;
  }
  const { client, context } = await github();
  if (context.event.kind !== 'pull_request') return;
  const issue = context.event.number;
  const repository = `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${context.owner}/${context.repo}`;
  const links: CommentLinks = {
    repository,
    run: env.GITHUB_RUN_ID ? `${repository}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
    ...(outcome.commit ? { commit: outcome.commit } : {}),
    ...(outcome.artifact ? { artifact: { name: settings.publishing.artifactName, url: outcome.artifact.url } } : {})
  };
  const marker = commentMarker(env);
  const body = await renderComment({
    marker,
    results: outcome.results,
    links,
    facts: async result => ({
      before: await probeImageFile(join(settings.workspace, result.source)),
      after: result.outputs[0] && (await probeImageFile(join(settings.workspace, result.outputs[0].path)))
    })
  });
  try {
    const where = { owner: context.owner, repo: context.repo, issue };
    const posted = await upsertComment(
      client,
      where,
      marker,
      body,
      defaultRetryPolicy({ maxRetries: settings.transport.maxRetries })
    );
    log.info(
      `${posted.kind === 'created' ? 'Commented on' : 'Updated the comment on'} pull request #${issue}: ${posted.url}`
    );
  } catch (error) {
    const http = error as HttpError;
    const why = http.status ? `GitHub answered HTTP ${http.status}: ${http.message ?? ''}` : (error as Error).message;
    const hint =
      http.status === 403 || http.status === 404
        ? " A pull request from a fork gets a read-only token; otherwise give the job 'permissions: pull-requests: write'."
        : '';
    log.warning(`Not commenting on pull request #${issue} (${why}).${hint}`);
  }
}

import type { GitHubAccess } from './client.js';
import { log } from '../report/log.js';
import { defaultBranch, type RunContext } from './event.js';
import { defaultRetryPolicy } from '../async/retry.js';
import { Input } from '../inputs/inputs.js';
import { redact } from '../text/secrets.js';
import { writtenFiles, type SourceResult } from '../state/results.js';
import type { Settings } from '../settings/settings.js';
import { uploadArtifact } from './artifact.js';
import type { Published, PublishedArtifact } from '../report/outcome.js';
import { selectCommittable } from './commit-guards.js';
import { commitFiles, type CommitOutcome } from './commit.js';

/** The step's failure when publishing failed in part: what failed, and where the results still are. */
export function publishingFailed(failures: readonly string[]): string {
  return `Publishing failed: ${failures.join('; ')}. The results are in the workspace, the outputs and the summary.`;
}

/** Names shown in one warning at most; the log's group lists them all. */
const NAMES_IN_A_WARNING = 5;

/** What the artifact holds under other names, and what it lacks, told in the log. */
function reportArtifactNames(name: string, artifact: PublishedArtifact): void {
  const { renamed, leftOut } = artifact;
  if (renamed.length > 0) {
    const lines = renamed.map(({ path, storedAs }) => `${path} → ${storedAs}`);
    const more = renamed.length > NAMES_IN_A_WARNING ? `, and ${renamed.length - NAMES_IN_A_WARNING} more` : '';
    log.warning(
      `${renamed.length} file(s) are in the artifact '${name}' under a percent-encoded name, because the artifact service refuses " : < > | * ? and line breaks in names (decoding the name gives the path; the gallery and the summary show both): ${lines.slice(0, NAMES_IN_A_WARNING).join(', ')}${more}.`
    );
    log.group(`Stored under another name in the artifact (${renamed.length})`, lines);
  }
  for (const { path, reason } of leftOut) log.warning(`Left out of the artifact '${name}': ${path}: ${reason}.`);
}

/** The commit message: the user's subject, then how many images it adds and from which sources. */
export function commitMessage(subject: string, results: readonly SourceResult[], manifest: string | undefined): string {
  const upscaled = results.filter(result => result.status === 'upscaled');
  const images = upscaled.reduce((sum, result) => sum + result.outputs.length, 0);
  const lines = upscaled
    .slice(0, 50)
    .map(result => `- ${result.source} → ${result.outputs.map(o => o.path).join(', ')}`);
  if (upscaled.length > 50) lines.push(`- … and ${upscaled.length - 50} more`);
  const tail = manifest ? `\n\nManifest: ${manifest}` : '';
  return `${subject}\n\nAdds ${images} upscaled image(s) from ${upscaled.length} source(s):\n${lines.join('\n')}${tail}`;
}

/** The branch to commit to on this run, or why results cannot be committed at all, before trying. */
export function commitTarget(settings: Settings, context: RunContext): { branch: string } | { refused: string } {
  const { event } = context;
  if (event.kind === 'pull_request' && event.headRepo !== `${context.owner}/${context.repo}`) {
    return {
      refused: `the pull request comes from the fork ${event.headRepo || '(deleted)'}, which this workflow's token cannot push to`
    };
  }
  const branch = settings.publishing.commit.branch ?? defaultBranch(event);
  if (!branch) {
    return {
      refused: `this ${event.kind === 'other' ? event.name || 'manual' : event.kind} run is not on a branch; set '${Input.Branch}'`
    };
  }
  return { branch };
}

/**
 * Hands the results over as the user asked: a commit on the branch, an artifact, or both. A commit that cannot
 * be made (a fork's pull request, a read-only token) is not a failure: the results go to the artifact instead,
 * with a warning saying why.
 */
export async function publishResults(
  settings: Settings,
  results: readonly SourceResult[],
  manifest: string | undefined,
  github: GitHubAccess,
  /** The whole results document, added to the artifact. */
  resultsFile?: string
): Promise<Published> {
  if (settings.dryRun || settings.publishing.mode === 'none') return {};
  let wantArtifact = settings.publishing.mode === 'artifact' || settings.publishing.mode === 'both';
  const withManifest = (files: string[]): string[] => (manifest ? [...files, manifest] : files);
  // A commit adds what this run wrote; an artifact holds every result of the run's sources, also those done
  // before (restored from the cache), so that a re-run that pays nothing still hands over everything.
  // A manifest that only took in what the branch or the cache already had is not worth a commit of its own.
  const produced = results.some(result => result.status === 'upscaled' || result.status === 'unsafe');
  const written = produced ? withManifest(writtenFiles(results)) : [];
  const everything = withManifest(results.flatMap(result => result.outputs.map(output => output.path)));
  if (written.length === 0 && !(wantArtifact && everything.length > 0)) {
    log.info('Nothing new to publish.');
    return {};
  }
  let commit: Published['commit'];
  const failures: string[] = [];
  // What a commit must not take (over GitHub's file limit, routed to LFS) goes to the artifact instead.
  let held: readonly string[] = [];

  if ((settings.publishing.mode === 'commit' || settings.publishing.mode === 'both') && written.length > 0) {
    const selection = await selectCommittable(settings.workspace, written, settings.publishing.commit.acceptLfs);
    for (const warning of selection.warnings) log.warning(warning);
    for (const { path, reason } of selection.held) {
      log.warning(
        `Not committing ${path}: ${reason}. It goes to the artifact '${settings.publishing.artifactName}' instead.`
      );
    }
    held = selection.held.map(({ path }) => path);
    let outcome: CommitOutcome;
    try {
      const { client, context } = await github();
      const target = commitTarget(settings, context);
      outcome =
        selection.commit.length === 0
          ? { kind: 'refused', reason: 'none of the files can be committed' }
          : 'branch' in target
            ? await commitFiles(
                client,
                {
                  owner: context.owner,
                  repo: context.repo,
                  branch: target.branch,
                  workspace: settings.workspace,
                  files: selection.commit,
                  message: commitMessage(settings.publishing.commit.message, results, manifest),
                  author: settings.publishing.commit.author
                },
                defaultRetryPolicy({ maxRetries: settings.transport.maxRetries })
              )
            : { kind: 'refused', reason: target.refused };
    } catch (error) {
      // Paid work is never lost to a failed commit: it goes to the artifact, and the step fails at the end.
      failures.push(`the commit failed: ${redact((error as Error).message)}`);
      outcome = { kind: 'refused', reason: `the commit failed (${(error as Error).message})` };
    }
    if (outcome.kind === 'committed') {
      commit = { sha: outcome.sha, branch: outcome.branch, files: selection.commit.length };
      log.info(`Committed ${selection.commit.length} file(s) to ${outcome.branch} as ${outcome.sha}.`);
    } else {
      log.warning(`Not committing the results: ${outcome.reason}. Uploading them as an artifact instead.`);
      wantArtifact = true;
    }
  }

  const artifactFiles = wantArtifact ? everything : held;
  let artifact: PublishedArtifact | undefined;
  if (artifactFiles.length > 0) {
    const inArtifact = new Set(artifactFiles);
    const name = settings.publishing.artifactName;
    artifact = await uploadArtifact(
      {
        name: settings.publishing.artifactName,
        workspace: settings.workspace,
        files: artifactFiles,
        results: results.filter(result =>
          wantArtifact
            ? result.outputs.length > 0 || result.status !== 'skipped'
            : result.outputs.some(output => inArtifact.has(output.path))
        ),
        resultsFile,
        retentionDays: settings.publishing.retentionDays
      },
      process.env
    ).catch((error: unknown) => {
      failures.push(`the artifact '${name}' could not be uploaded: ${redact((error as Error).message)}`);
      return undefined;
    });
    if (artifact) {
      reportArtifactNames(name, artifact);
      const files = artifactFiles.length - artifact.leftOut.length;
      log.info(
        `Uploaded ${files} file(s)${resultsFile ? ', the results document (results.json)' : ''} and a before/after gallery (gallery/index.html) as artifact '${name}' (id ${artifact.id}).`
      );
    }
  }
  return { artifact, commit, failures };
}

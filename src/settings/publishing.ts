import type { Branded } from '../text/brand.js';
import { boolean, integer, oneOf, quote, secret } from '../inputs/parsers.js';
import { Input, InputError } from '../inputs/inputs.js';

export const PUBLISH_MODES = ['artifact', 'commit', 'both', 'none'] as const;
export type PublishMode = (typeof PUBLISH_MODES)[number];

export const COMMENT_MODES = ['auto', 'always', 'never'] as const;
/** `auto`: on pull requests when there is something to report; `always`: on every pull request run; `never`. */
export type CommentMode = (typeof COMMENT_MODES)[number];

export interface CommitAuthor {
  readonly name: string;
  readonly email: string;
}

export interface CommitSettings {
  /** Token for GitHub's API; never printed. */
  readonly token: string;
  readonly message: string;
  /** Branch to commit to; undefined: the pushed branch or the pull request's head branch. */
  readonly branch: string | undefined;
  /** Undefined: GitHub's own identity, so it signs the commit when the token is the workflow's. */
  readonly author: CommitAuthor | undefined;
  /** Commit results that .gitattributes routes to Git LFS anyway, as plain blobs. */
  readonly acceptLfs: boolean;
}

export type RetentionDays = Branded<number, 'RetentionDays'>;

/** How results are handed back: a workflow artifact, a commit, both or neither. */
export interface PublishingSettings {
  readonly mode: PublishMode;
  readonly artifactName: string;
  /** Unset: the repository's default retention. */
  readonly retentionDays: RetentionDays | undefined;
  /** How results are committed, for `publish: commit` or `both`. */
  readonly commit: CommitSettings;
  /** Whether the pull request gets a comment reporting the run. */
  readonly comment: CommentMode;
}

// The characters @actions/artifact refuses in a name.
const BAD_ARTIFACT_NAME = /[":<>|*?\r\n\\/]/;

function artifactName(raw: string): string {
  if (BAD_ARTIFACT_NAME.test(raw)) {
    throw new InputError(
      Input.ArtifactName,
      `must not contain any of " : < > | * ? \\ / or a line break; got ${quote(raw)}.`
    );
  }
  return raw;
}

function commitMessage(raw: string): string {
  if (raw === '') throw new InputError(Input.CommitMessage, `must not be empty.`);
  return raw;
}

// git's rules for a ref name, the parts a user can get wrong.
const BAD_BRANCH = /(^[/.]|\.\.|[\s~^:?*[\\]|@\{|\/\/|[/.]$|\.lock$)/;

function branch(raw: string): string | undefined {
  if (raw === '') return undefined;
  const name = raw.replace(/^refs\/heads\//, '');
  if (BAD_BRANCH.test(name)) throw new InputError(Input.Branch, `is not a valid branch name; got ${quote(raw)}.`);
  return name;
}

function commitAuthor(raw: string): CommitAuthor | undefined {
  if (raw === '') return undefined;
  const match = /^([^<>]+?)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(raw);
  if (!match) throw new InputError(Input.CommitAuthor, `must look like 'Name <email>'; got ${quote(raw)}.`);
  return { name: match[1] as string, email: match[2] as string };
}

/** How results are handed back, checked. @throws InputError naming the input, the value and what is allowed. */
export function readPublishing(input: (name: Input) => string): PublishingSettings {
  const mode = oneOf(Input.Publish, input(Input.Publish), PUBLISH_MODES);
  const token = secret(Input.GithubToken, input(Input.GithubToken));
  if ((mode === 'commit' || mode === 'both') && token === '') {
    throw new InputError(Input.GithubToken, `is required to publish with '${mode}'.`);
  }
  const retention = input(Input.RetentionDays);
  return {
    mode,
    artifactName: artifactName(input(Input.ArtifactName)),
    retentionDays: retention === '' ? undefined : integer<RetentionDays>(Input.RetentionDays, retention, 1, 90),
    commit: {
      token,
      message: commitMessage(input(Input.CommitMessage)),
      branch: branch(input(Input.Branch)),
      author: commitAuthor(input(Input.CommitAuthor)),
      acceptLfs: boolean(Input.CommitLfsPaths, input(Input.CommitLfsPaths))
    },
    comment: oneOf(Input.Comment, input(Input.Comment), COMMENT_MODES)
  };
}

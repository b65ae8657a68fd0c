import * as core from '@actions/core';

/**
 * What the main step hands to the post step (`core.saveState`, read back from `STATE_*`). The post step runs even
 * when the main step failed or the job was cancelled; it publishes only what the main step did not get to.
 */
const enum State {
  /** Saved as the main step begins: the runner runs the same file for the post step, which finds it set. */
  IsPost = 'isPost',
  /** When the main step started its work (ISO 8601): results recorded since are this run's. */
  Started = 'started',
  /** Set once the main step has published (or had nothing to publish). */
  Published = 'published'
}

/** Whether this is the post step: the main step saved `isPost` before anything else (as actions/checkout does). */
export function isPostStep(): boolean {
  return core.getState(State.IsPost) !== '';
}

export function markMainStep(): void {
  core.saveState(State.IsPost, 'true');
}

export function markStarted(at: Date): void {
  core.saveState(State.Started, at.toISOString());
}

export function markPublished(): void {
  core.saveState(State.Published, 'true');
}

/** When the main step started, if it started and did not publish: then the post step has work to do. */
export function unpublishedSince(): Date | undefined {
  const started = core.getState(State.Started);
  return started === '' || core.getState(State.Published) !== '' ? undefined : new Date(started);
}

/**
 * Run before every test file (jest's setupFilesAfterEnv): whatever the file made with `makeTempDir` is removed after
 * its last test, so no test leaves anything in the temporary folder (test/support/temp-folder.ts checks).
 */
import { afterAll } from '@jest/globals';
import { removeTempDirs } from './temp.js';

afterAll(removeTempDirs);

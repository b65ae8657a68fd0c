#!/usr/bin/env node
import { runCommandLine } from '../index.js';

await runCommandLine();
